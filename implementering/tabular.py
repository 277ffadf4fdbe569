"""Reading uploaded tables (CSV or XLSX) into rows with line numbers, for every import.

Pure helpers: no Flask, no database. Each import validates the rows itself and
applies all or none.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Iterable


class TableError(ValueError):
    """The file as a whole cannot be read (wrong format, no header, empty)."""


@dataclass(frozen=True)
class Row:
    """One data row: its line number in the file (header = line 1) and cells by header name."""

    line: int
    values: dict[str, str]

    def get(self, *names: str) -> str:
        """The first non-empty value among the given column names, stripped ('' if none)."""
        for name in names:
            value = self.values.get(name)
            if value:
                return value.strip()
        return ""


@dataclass
class RowProblem:
    """Why one row was refused (Danish text for the user)."""

    line: int
    message: str


@dataclass
class ImportReport:
    """What an import did, or would have done, and each bad row."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no row was refused (so the import was applied)."""
        return not self.problems

    def add_problem(self, line: int, message: str) -> None:
        """Record that row `line` is bad and why."""
        self.problems.append(RowProblem(line, str(message)))


def normalise_header(name: str) -> str:
    """Lower-case, trimmed header name with the BOM removed, so 'E-mail ' matches 'e-mail'."""
    return (name or "").replace("\ufeff", "").strip().lower()


def _decode(data: bytes) -> str:
    """Decode CSV bytes as UTF-8 (with or without BOM), falling back to Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:  # five bytes are undefined in Windows-1252
        raise TableError("Filen kunne ikke læses som tekst. Gem den som CSV (UTF-8) eller Excel (.xlsx).") from exc


def read_csv(data: bytes) -> tuple[list[str], list[Row]]:
    """Read CSV bytes (delimiter ';', ',' or tab, sniffed) into headers and rows."""
    text = _decode(data).replace("\x00", "")  # PostgreSQL refuses NUL in text
    if not text.strip():
        raise TableError("Filen er tom.")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        return _rows_from(reader)
    except csv.Error as exc:  # e.g. a stray line break or a huge field
        raise TableError("Filen kunne ikke læses som CSV. Kontrollér, at den er gemt som CSV fra regnearket.") from exc


def read_xlsx(data: bytes) -> tuple[list[str], list[Row]]:
    """Read the first sheet of an XLSX workbook into headers and rows."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise TableError("Filen kunne ikke læses som et Excel-ark (.xlsx).") from exc
    try:
        sheet = workbook.worksheets[0]
        cells = (
            ["" if value is None else _cell_text(value) for value in row]
            for row in sheet.iter_rows(values_only=True)
        )
        return _rows_from(cells)
    finally:
        workbook.close()


def _cell_text(value) -> str:
    """Text of a spreadsheet cell; whole floats lose their '.0', dates become ISO dates."""
    from datetime import date, datetime

    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _rows_from(records: Iterable[list[str]]) -> tuple[list[str], list[Row]]:
    """Turn raw records into (headers, rows), skipping blank lines but keeping line numbers."""
    iterator = iter(records)
    headers: list[str] = []
    for record in iterator:
        if any((cell or "").strip() for cell in record):
            headers = [normalise_header(cell) for cell in record]
            break
    if not headers:
        raise TableError("Filen har ingen overskriftsrække.")
    rows = []
    for line, record in enumerate(iterator, start=2):
        if not any((cell or "").strip() for cell in record):
            continue
        values = {headers[i]: (record[i] or "") for i in range(min(len(headers), len(record))) if headers[i]}
        rows.append(Row(line, values))
    return headers, rows


def read_table(filename: str, data: bytes) -> tuple[list[str], list[Row]]:
    """Read a CSV or XLSX upload, chosen by the file name's extension."""
    lower = (filename or "").lower()
    if lower.endswith(".xlsx"):
        return read_xlsx(data)
    if lower.endswith((".csv", ".txt")):
        return read_csv(data)
    raise TableError("Filtypen kendes ikke. Brug CSV (.csv) eller Excel (.xlsx).")
