"""The recap email: customer steps come first and read in the vendor's words."""

from __future__ import annotations

from pathlib import Path

from store_factory import analysis, step, turn

from milepost.pipeline.recap import build_recap
from milepost.pipeline.store import open_db
from milepost.pipeline.store.writer import write_meeting


def test_customer_steps_are_turned_to_the_vendors_view(tmp_path: Path) -> None:
    db = open_db(tmp_path / "s.db")
    a = analysis(
        "/c/disc.txt",
        "2026-10-13",
        [
            turn("Ben Adler", "vendor", "I'll send you the pricing sheet by Friday."),
            turn("Hannah Cole", "customer", "I'll send you our current forms next week."),
            turn("Marcus Reid", "customer", "We will get our questionnaire over to you."),
        ],
        steps=[
            step("send you the pricing sheet", "vendor", "Ben Adler", "2026-10-16"),
            step("send you our current forms", "customer", "Hannah Cole", "2026-10-23"),
            step(
                "get our questionnaire over to you", "customer", None, None, speaker="Marcus Reid"
            ),
        ],
        title="Discovery",
    )
    write_meeting(db, a, "h", "Larkspur Logistics")
    recap = build_recap(db, 1)
    assert recap.to == ["Hannah Cole", "Marcus Reid"]
    assert recap.body.split("**You're going to:**\n")[1] == (
        "- send us your current forms (Hannah Cole), by 2026-10-23\n"
        "- get your questionnaire over to us\n\n"
        "**Then we're going to:**\n"
        "- send you the pricing sheet (Ben Adler), by 2026-10-16\n\n"
        "Let me know if I missed anything.\n\nBest,\nBen\n"
    )
    assert recap.body.startswith("Subject: Recap: Discovery, 2026-10-13\n\nHi Hannah and Marcus,\n")
