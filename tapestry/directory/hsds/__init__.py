"""Reading and writing Open Referral HSDS 3: JSON objects (services, organizations, services
at locations, locations) and the CSV tables.

Reading checks every row and collects every problem (file, row, field, message) before anything
is stored, so an import can be refused whole with a full list of what to fix. Row numbers in a
CSV count the header as row 1, as a spreadsheet shows them; in JSON they are the position of the
object in the list, from 1. What a source holds that Tapestry does not keep is listed apart, as
a report (`Dataset.unkept`), not a problem.
"""

from tapestry.directory.hsds.csv_format import CSV_TABLES, csv_table_name, read_csv
from tapestry.directory.hsds.export import service_document
from tapestry.directory.hsds.json_format import read_json
from tapestry.directory.hsds.rows import NEED_TAXONOMY, Dataset, Problem
from tapestry.directory.hsds.uploads import read_files

__all__ = [
    "CSV_TABLES",
    "NEED_TAXONOMY",
    "Dataset",
    "Problem",
    "csv_table_name",
    "read_csv",
    "read_files",
    "read_json",
    "service_document",
]
