"""Pure statistics (agreement, trends): numpy and krippendorff only; no Flask, no database."""
