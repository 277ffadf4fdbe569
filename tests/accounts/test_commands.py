"""`flask accounts create-admin`: the first administrator of a new installation."""


def test_the_first_admin_is_created_from_the_command_line(runner, db):
    result = runner.invoke(args=["accounts", "create-admin", "it@kommune.dk", "Ida IT"],
                           input="en lang og god adgangskode\nen lang og god adgangskode\n")
    assert result.exit_code == 0, result.output
    from implementering.accounts.services import authenticate

    assert authenticate("it@kommune.dk", "en lang og god adgangskode").roles == ["admin"]
    short = runner.invoke(args=["accounts", "create-admin", "x@kommune.dk", "X"], input="kort\nkort\n")
    assert short.exit_code == 1 and "mindst 12 tegn" in short.output
