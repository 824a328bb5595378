"""An upload as HSDS: one JSON file, one zip of CSV tables, or the CSV tables themselves."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from tapestry.directory.hsds.csv_format import csv_table_name, read_csv
from tapestry.directory.hsds.json_format import read_json
from tapestry.directory.hsds.rows import Dataset, Problem

# A zip is opened in memory: refuse ones that would unpack to more than this (a zip bomb).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
UPLOAD_HINT = "Upload an HSDS JSON file, a .zip of HSDS CSV files, or the CSV files themselves."


def read_files(files: Sequence[tuple[str, bytes]]) -> Dataset:
    """An upload as files (name, content): one .json, one .zip of CSV tables, or CSV tables."""
    names = [name for name, _ in files]
    lowered = [name.lower() for name in names]
    if len(files) == 1 and lowered[0].endswith(".json"):
        return read_json(names[0], files[0][1])
    if len(files) == 1 and lowered[0].endswith(".zip"):
        return _read_zip(names[0], files[0][1])
    if files and all(name.endswith(".csv") for name in lowered):
        return _read_tables(", ".join(names), files)
    dataset = Dataset(source=", ".join(names) or "upload")
    dataset.problems.append(Problem(dataset.source, 0, "", UPLOAD_HINT))
    return dataset


def _read_zip(name: str, content: bytes) -> Dataset:
    dataset = Dataset(source=name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir()
            and not info.filename.startswith("__MACOSX/")
            and info.filename.lower().endswith(".csv")
        ]
        if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
            dataset.problems.append(Problem(name, 0, "", "The zip unpacks to more than 50 MB; split it up."))
            return dataset
        files = [(info.filename, archive.read(info)) for info in members]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as exc:
        dataset.problems.append(Problem(name, 0, "", f"Not a readable zip file ({exc})."))
        return dataset
    if not files:
        dataset.problems.append(Problem(name, 0, "", "The zip holds no HSDS CSV tables (services.csv, ...)."))
        return dataset
    return _read_tables(name, files)


def _read_tables(source: str, files: Sequence[tuple[str, bytes]]) -> Dataset:
    """The tables Tapestry reads, by name; any other CSV file of the package is reported, not refused.

    A zip, a folder (`manage.py import_hsds`) and loose uploaded files all come here, so they agree.
    """
    tables: dict[str, bytes] = {}
    unread: list[str] = []
    for filename, content in files:
        table = csv_table_name(filename)
        if table is None:
            unread.append(filename.replace("\\", "/").rsplit("/", 1)[-1])
        else:
            tables[table] = content
    return read_csv(source, tables, unread)
