"""One look at the real page: headless Chromium, with every host unreachable, draws the chart."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from timeline import Settings, build

ROOT = Path(__file__).resolve().parent.parent
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (CI installs Debian's chromium)")
def test_page_draws_every_event_offline(tmp_path: Path) -> None:
    build([ROOT / "seeds"], Settings(out_dir=tmp_path))
    events = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))["events"]
    command = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=10000", "--dump-dom", (tmp_path / "timeline.html").as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=180).stdout
    assert 'class="main-svg"' in dom, "plotly did not draw the chart"
    # The main plot and the range slider each draw one mark per event (a marker for a day, a bar for a span).
    assert dom.count('class="point"') == 2 * len(events)
    assert "Events</h2>" in dom
