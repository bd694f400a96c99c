import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples"


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)
