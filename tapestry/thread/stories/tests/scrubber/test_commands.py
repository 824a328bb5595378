"""manage.py scrub_story and scrub_recall."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from .profiles import PROFILES

STORY = "Rosie's son Pepe (born 2/3/2011) lives at 2817 W Cermak Rd; call 312-555-0148."


@pytest.fixture
def known_file(tmp_path):
    path = tmp_path / "KNOWN.json"
    path.write_text(json.dumps(PROFILES["rosa"]), encoding="utf-8")
    return path


def run(known, story):
    out = io.StringIO()
    command_stdin = io.StringIO(story)
    from tapestry.thread.stories.management.commands.scrub_story import Command

    command = Command(stdout=out)
    command.stdin = command_stdin
    call_command(command, known=str(known))
    return json.loads(out.getvalue())


def test_scrub_story_prints_the_scrubbed_text_and_spans_into_the_input(known_file):
    result = run(known_file, STORY)
    assert result["text"] == "[NAME]'s son [NAME] (born [DATE]) lives at [ADDRESS]; call [PHONE]."
    assert [STORY[s["start"] : s["end"]] for s in result["spans"]] == [
        "Rosie",
        "Pepe",
        "2/3/2011",
        "2817 W Cermak Rd",
        "312-555-0148",
    ]
    assert [s["kind"] for s in result["spans"]] == ["name", "name", "date", "address", "phone"]


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ("{not json", "is not JSON"),
        ("[1, 2]", "must be an object"),
        ('{"person": {"phones": "312"}}', "person.phones must be a list"),
        ('{"name": "Rosa"}', "does not define: name"),
    ],
)
def test_scrub_story_refuses_a_bad_known_file(tmp_path, content, message):
    path = tmp_path / "KNOWN.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run(path, STORY)


def test_scrub_story_in_a_real_process(known_file):
    manage = Path(settings.BASE_DIR) / "manage.py"
    done = subprocess.run(
        [sys.executable, str(manage), "scrub_story", "--known", str(known_file)],
        input=STORY,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["text"].endswith("call [PHONE].")


def test_scrub_recall_prints_the_table():
    out = io.StringIO()
    call_command("scrub_recall", stdout=out)
    text = out.getvalue()
    assert "| kind | gold spans | recall | scrubbed spans | precision |" in text
    for kind in ("name", "date", "phone", "case_number", "all"):
        assert f"| {kind} |" in text
