"""Sides and speaker names: roster first, then inference from talk; sentence-level sides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CS_TRAIN, SEEDS, needs_shared

from milepost.models import SpeakerSide, Transcript, Turn
from milepost.pipeline import evaluate, formats
from milepost.pipeline.extract import names, sides
from milepost.pipeline.extract.meeting import Meeting


def meeting(
    *turns: tuple[str | None, str], roster: dict[str, SpeakerSide] | None = None
) -> Meeting:
    transcript = Transcript(
        source="t.txt",
        input_format="plain",
        turns=[Turn(speaker=s, text=t) for s, t in turns],
    )
    return Meeting(transcript=transcript, docs=[], roster=roster or {})


KICKOFF = (
    ("SPEAKER_00", "Hi Raj. Thanks for making the time. I've got Jess on with me."),
    ("SPEAKER_01", "Hi Dana. Happy to be here. Mia's here with me from our ops team."),
    ("SPEAKER_02", "Hi everyone, this is Jess. Looking forward to it."),
    ("SPEAKER_00", "Great. So, Raj, what does your team need from our platform?"),
    ("SPEAKER_01", "My team spends two days a week on manual reports. We had three people on it."),
    ("SPEAKER_03", "Hey sorry, Mia here. We had a fire drill."),
    ("SPEAKER_00", "No worries. We can set up the sandbox and you can see the reports."),
)


def test_roster_wins_and_matches_first_names_and_labels() -> None:
    m = meeting(
        ("Dana Ruiz", "Welcome to Acme, I'll be your account director."),
        ("Raj Patel", "Thanks. Our team is small."),
        ("SPEAKER_07", "We had a rough quarter."),
        roster={"Dana": "customer", "raj patel": "vendor", "SPEAKER_07": "vendor"},
    )
    sides.infer(m)
    assert m.sides["Dana Ruiz"] == "customer"
    assert m.sides["Raj Patel"] == "vendor"
    assert m.sides["SPEAKER_07"] == "vendor"
    assert m.side_of("Dana") == "customer"  # the roster name itself resolves too


def test_names_learned_for_anonymous_labels() -> None:
    m = meeting(*KICKOFF)
    learned = names.learn(m)
    assert learned["SPEAKER_02"] == "Jess"
    assert learned["SPEAKER_03"] == "Mia"
    assert learned["SPEAKER_01"] == "Raj"
    assert learned["SPEAKER_00"] == "Dana"


def test_named_speakers_map_to_themselves() -> None:
    m = meeting(("Dana Ruiz", "Hi Raj."), ("Raj Patel", "Hi Dana."))
    assert names.learn(m) == {"Dana Ruiz": "Dana Ruiz", "Raj Patel": "Raj Patel"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hey sorry, sorry I'm late this is Tomas.", ["Tomas"]),
        ("Hi, it's Hye-jin. Can you hear me?", ["Hye-jin"]),
        ("Okay so I'm Adaeze I'm the account exec here.", ["Adaeze"]),
        ("Lauren here. My last call went over.", ["Lauren"]),
        ("So, this is Yuki, she runs customer marketing for us.", []),
        ("I've got Mei-Ling here with me.", []),
        ("Tomas this is Greg and Mei-Ling from Harbor Point.", []),
        ("Hi, it's Lukas from Belaybook, thanks for taking the call.", ["Lukas"]),
        ("Morning. It's Gordon, and I've got Priti here from quality.", ["Gordon"]),
        ("So I'm Caleb, and Hana is one of our solutions people.", ["Caleb"]),
        ("It's Samir and Priti.", []),
    ],
)
def test_self_introductions(text: str, name: list[str]) -> None:
    assert names.self_named(text) == name


def test_sides_inferred_from_talk_and_introductions() -> None:
    m = meeting(*KICKOFF)
    sides.infer(m)
    assert m.sides == {
        "SPEAKER_00": "vendor",
        "SPEAKER_01": "customer",
        "SPEAKER_02": "vendor",
        "SPEAKER_03": "customer",
    }
    assert m.owner_name("SPEAKER_02") == "Jess"


def test_vendor_role_names_the_colleague() -> None:
    m = meeting(
        ("Ana", "Morning all. So Lauren's gonna join us, she's your CSM."),
        ("Raj", "Morning. My team has been waiting for this."),
        ("Lauren", "Hi, sorry I'm late. Did I miss much?"),
        ("Raj", "We had a rough week, honestly."),
    )
    sides.infer(m)
    assert m.sides == {"Ana": "vendor", "Raj": "customer", "Lauren": "vendor"}


def test_either_matches_where_one_of_its_patterns_does() -> None:
    """The one search _links makes before reading each vendor cue answers as they would."""
    patterns = [r"\bi'?ll be your\b", r"\bwelcome to (?-i:[A-Z])", r"\bour csms?\b"]
    either = sides._either(patterns)
    texts = ["I'll be your CSM.", "Welcome to Acme!", "welcome to the call", "Our CSMs", "hi"]
    for text in texts:
        assert bool(either.search(text)) == any(re.search(p, text, re.I) for p in patterns)
    # a backreference would read another pattern's group: every text passes, as before
    assert sides._either([r"(\w)\1", r"abc"]).search("xyz")
    assert sides._either([r"(?i)abc", r"def"]).search("xyz")  # a global flag stands alone
    for cues in ("vendor_self", "vendor_role"):
        shipped = getattr(sides.cues(), cues)
        either = getattr(sides.cues(), f"any_{cues}")
        for text in texts + ["Lauren's gonna join us, she's your CSM.", "I run support at Acme."]:
            assert bool(either.search(text)) == any(p.search(text) for p in shipped)


def test_email_domains_in_labels_split_the_sides() -> None:
    m = meeting(
        ("dana@acme.io", "Okay, let's start."),
        ("raj@globex.com", "Sure."),
        ("Priya Shah (Acme)", "My team had a rough week."),
        ("Mia Chen (Globex)", "We had one too."),
    )
    sides.infer(m)
    assert m.sides == {
        "dana@acme.io": "vendor",
        "raj@globex.com": "customer",
        "Priya Shah (Acme)": "vendor",
        "Mia Chen (Globex)": "customer",
    }


def test_customer_speaking_first_is_not_taken_for_the_host() -> None:
    m = meeting(
        (
            "Raj",
            "Hi, can you hear me? My team is all here. We had a rough quarter and we had to cut.",
        ),
        (
            "Dana",
            "Hi Raj. We can set up a sandbox for you. You want the reports daily? You can see it.",
        ),
        ("Raj", "We had a tool like that before. Our numbers never matched. I'll tell my team."),
        (
            "Dana",
            "Of course. We can send you a login today. You can try it, and we can walk your side.",
        ),
        (
            "Raj",
            "We'll see. My team decides. We had enough demos. We lose two days a week on reports.",
        ),
    )
    sides.infer(m)
    assert m.sides == {"Raj": "customer", "Dana": "vendor"}


@needs_shared
def test_internal_meeting_is_all_vendor() -> None:
    m = Meeting(formats.read(CS_TRAIN / "t4_06_alcott_vine_internal_review.txt"), [])
    sides.infer(m)
    assert set(m.sides.values()) == {"vendor"}


HANDOFF = (
    ("Dana", "So this is the Ashby handoff. Ben tells us everything before his next deal."),
    ("Ben", "They asked for a kickoff next week. They want the success plan in writing."),
    ("Lee", "And they said the Xero sync matters most. Got it. I'll test the sandbox."),
    ("Dana", "Good. They mentioned a deadline too, so let's plan the agenda today."),
)


def test_handoff_speaking_of_the_account_as_they_is_all_vendor() -> None:
    """An internal handoff reports what the account asked, said or wants, addressing nobody."""
    m = meeting(*HANDOFF)
    assert sides.is_internal(m)
    sides.infer(m)
    assert set(m.sides.values()) == {"vendor"}


def test_a_call_addressing_the_customer_is_not_internal() -> None:
    m = meeting(*HANDOFF, ("Raj", "Thanks for having us. You said you'd send your plan?"))
    assert not sides.is_internal(m)


@needs_shared
def test_founders_seed_has_no_customer() -> None:
    m = Meeting(formats.read(next(SEEDS.glob("000_*.txt"))), [])
    sides.infer(m)
    assert "customer" not in m.sides.values()


@needs_shared
def test_cs_train_speaker_sides_without_roster() -> None:
    """Every labelled speaker of cs_train, sides inferred with no roster."""
    right = total = 0
    for path, labels in evaluate.labelled_files(Path(CS_TRAIN)):
        truth = {n: "vendor" for n in labels["vendor_speakers"]}
        truth.update({n: "customer" for n in labels["customer_speakers"]})
        m = Meeting(formats.read(path), [])
        sides.infer(m)
        right += sum(m.side_of(s) == side for s, side in truth.items())
        total += len(truth)
    assert total == 170
    assert right / total >= 0.95


def test_a_person_brought_in_is_the_newcomer_who_speaks_next() -> None:
    """After "I've got Kasia with me." someone new speaks: that label is Kasia (no one greets
    her by name); a person said to join later names nobody."""
    m = meeting(
        ("SPEAKER_01", "Delphine, hi, good morning. Can you hear me?"),
        ("SPEAKER_00", "Morning, Theo. Gita's joining at half past."),
        ("SPEAKER_03", "Morning. I'm in the site office."),
        ("SPEAKER_01", "I've got Kasia with me, she's our solutions lead."),
        ("SPEAKER_02", "Hi all. Nice to meet you."),
    )
    learned = names.learn(m)
    assert learned["SPEAKER_02"] == "Kasia"
    assert "SPEAKER_03" not in learned


CLIMBING = (
    ("Speaker 1", "Hi, good afternoon. We can set up the sandbox. I can show you the reports."),
    (
        "Speaker 2",
        "Hi Priscilla. Hattie's here with me. We had a rough year, my team lost half our members"
        " and we had to cut. Our members leave in April. We lose money every month.",
    ),
    ("Speaker 3", "I can tell you the numbers. I can pull them. I know the January people."),
    ("Speaker 1", "Great. We can do that. I'll send the deck, and you can see the dashboard."),
)


def test_a_clear_customer_puts_the_person_with_them_on_their_side() -> None:
    """Speaker 2 talks plainly like the customer, so "Hattie's here with me" puts Hattie
    (Speaker 3, who talks a little like the vendor) on the customer side too."""
    m = meeting(*CLIMBING)
    sides.infer(m)
    scores = sides.speaker_scores(m)
    assert scores["Speaker 2"] <= -sides.SURE_SCORE < 0 < scores["Speaker 3"]
    assert m.sides == {"Speaker 1": "vendor", "Speaker 2": "customer", "Speaker 3": "customer"}


def test_a_person_addressed_after_a_filler_is_not_put_on_the_speakers_side() -> None:
    """Saying "And honestly, Gwen, from our side, ..." speaks to Gwen; it does not bring her in."""
    m = meeting(
        ("Imani", "Hi Gwen. Okay, so I've got Beckett with me."),
        ("Gwen", "Hi Imani. We had a rough year, our repairs were slow."),
        ("Beckett", "Hi everyone."),
        ("Imani", "And honestly, Gwen, from our side, we'd love to help you."),
    )
    sides.infer(m)
    assert m.sides["Gwen"] == "customer"
    assert ("Imani", "Gwen") not in sides._links(m)["same"]


def test_whoever_runs_customer_marketing_is_the_vendor() -> None:
    m = meeting(
        ("Henrike", "Hi Siobhan! Hi Arjun. Can you both hear me?"),
        ("Siobhan", "We can. Hello. I have forty minutes before my patient."),
        ("Tobias", "Hi both. I signed up for the half in May and I've done, um, three runs."),
        ("Henrike", "So Tobias runs customer marketing. He writes the case studies."),
        (
            "Arjun",
            "Ha. It's fine. Honestly, we're flattered. Our new clinic opened two weeks late, the"
            " plumber, it's always the plumber. But it's open and it's busy, we've got a waiting"
            " list already, mostly runners who start training for the marathon in January and"
            " then their knees tell them about it. We had a good year, and my team says so.",
        ),
    )
    sides.infer(m)
    assert not sides.is_internal(m)
    assert m.sides["Tobias"] == "vendor"


def test_welcome_to_a_place_is_no_vendor_welcome(analyzer) -> None:  # type: ignore[no-untyped-def]
    """The customer's "Welcome to Scotland in November." is a joke about the weather, not the
    vendor welcoming them to its product ("Welcome to Stemwise, officially.")."""
    said = (
        ("Mireille", "Hey, hi, good afternoon. Raff, you're in Dundee?"),
        ("Rafferty", "Dundee, yes. It's dark already. Welcome to Scotland in November."),
    )
    turns = [t for _, t in said]
    m = meeting(*said)
    m.docs = list(analyzer.nlp.pipe(turns))
    assert sides._links(m)["vendor"] == []
    m = meeting(("Chioma", "Welcome to Stemwise, officially."), ("Raj", "Thanks."))
    m.docs = list(analyzer.nlp.pipe(["Welcome to Stemwise, officially.", "Thanks."]))
    assert sides._links(m)["vendor"] == [("Chioma", None)]


def test_a_person_next_to_the_speaker_is_on_their_side() -> None:
    m = meeting(
        ("Lena", "Hi Maureen, can you hear me?"),
        ("Maureen", "You're fine. Wren's next to me, we've got the big room."),
        ("Wren", "Hello."),
    )
    assert ("Maureen", "Wren") in sides._links(m)["same"]


def test_a_person_the_host_greets_as_the_call_opens_leans_customer() -> None:
    """Rahim talks a shade like the vendor ("I can show you around"), but the host greeted him
    by name in the opening turns, as hosts greet the customer's people."""
    m = meeting(
        ("Marcus", "Afternoon, everyone. Helen, good to see you. Rahim, Siobhan, hi."),
        ("Helen", "Afternoon, Marcus. I've only got forty minutes. We had a rough term."),
        ("Petra", "Hi all. Rahim, how's the new office?"),
        ("Rahim", "The old library, yes. It has no heating. I love it. I can show you around."),
        ("Siobhan", "He does love it. We had to move the whole team."),
        ("Marcus", "Ha. Okay. We can walk through the renewal, and I'll send you the quote."),
    )
    assert sides.speaker_scores(m)["Rahim"] > 0
    sides.infer(m)
    assert m.sides["Rahim"] == "customer"


def test_everyone_in_the_hosts_roll_call_leans_customer() -> None:
    """The roll call "Teresa, Rahul, Yvonne, good to see you." greets all three, not one."""
    m = meeting(
        ("Marcus", "Morning everyone. Teresa, Rahul, Yvonne, good to see you. Ana's on too."),
        ("Ana", "Hi everyone."),
        ("Teresa", "Hi. I have a hard stop at eleven. We had a rough quarter, my team is cut."),
        ("Yvonne", "I can pull the numbers. I know the system. I can send it over."),
        ("Rahul", "We had ice on the lines. Our crews were out all weekend."),
        ("Marcus", "Totally. We can walk through year two, and I'll send you the renewal terms."),
    )
    assert sides.speaker_scores(m)["Yvonne"] > 0
    sides.infer(m)
    assert m.sides["Yvonne"] == "customer"


def test_a_speaker_confirming_the_name_asked_about_is_named() -> None:
    """ "Hi, um, is it Aoife?" / "Aoife, yes, perfect." names the answer's speaker; a name only
    echoed back ("you're on Sage?" / "Sage, yes.") names nobody."""
    m = meeting(
        ("Speaker 4", "Hi Gunnar. Hi, um, is it Aoife?"),
        ("Speaker 3", "Aoife, yes, perfect. Hi."),
        ("Speaker 1", "Great. And accounts, you're on Sage?"),
        ("Speaker 2", "Sage, yes."),
    )
    learned = names.learn(m)
    assert learned["Speaker 3"] == "Aoife"
    assert "Sage" not in learned.values()


def test_a_person_whose_name_is_asked_is_on_the_other_side() -> None:
    """Nobody asks a colleague's name: the vendor's Rafe asking "is it Aoife?" puts Aoife, who
    talks a shade like the vendor, on the customer side."""
    m = meeting(
        ("Ines", "Hi, can you hear me? Rafe's on as well, he's our solutions engineer."),
        ("Gunnar", "Yep, we've got you. We had a storm last week and we lost a net on pen seven."),
        ("Rafe", "Hi Gunnar. Hi, um, is it Aoife?"),
        (
            "Aoife",
            "Aoife, yes, perfect. Hi. I can send you the numbers. I can pull them, I know them.",
        ),
        ("Ines", "Great. We can walk through the dashboard, and I'll send you the pricing."),
    )
    assert sides.speaker_scores(m)["Aoife"] > 0
    sides.infer(m)
    assert m.sides == {
        "Ines": "vendor",
        "Gunnar": "customer",
        "Rafe": "vendor",
        "Aoife": "customer",
    }


def test_the_hosts_list_of_who_joined_is_no_same_side_link() -> None:
    """'I've got Bernadette, Declan and Sunita.' reads who is on the call, not who is with the
    host; 'I've got Anouk on too' still links (set ya)."""
    m = meeting(
        (
            "Lorcan",
            "Morning all. I've got Bernadette, Declan and Sunita. And I've got Anouk on too.",
        ),
        ("Bernadette", "Morning. We had a rough audit, our team is stretched."),
        ("Anouk", "Hi everyone."),
        ("Declan", "Hi."),
        ("Sunita", "Hello."),
    )
    same = sides._links(m)["same"]
    assert ("Lorcan", "Bernadette") not in same
    assert ("Lorcan", "Declan") not in same
    assert ("Lorcan", "Anouk") in same


def test_the_people_the_host_sees_joined_lean_customer() -> None:
    """'So, I see Patrice, Wes, Irina.' greets three people as the call opens, as a roll call
    does (cs_train, xe, xf, xy, ya: every name so listed is the customer's); Wes talks a shade
    like the vendor ('we can', 'I'll') but is the customer's."""
    m = meeting(
        ("Nnamdi", "Morning, everyone. So, I see Patrice, Wes, Irina."),
        ("Patrice", "Morning. We had a rough month, our vans keep failing the audit."),
        ("Wes", "We can get the vans in on Monday. I'll sort the keys. Let's do it."),
        ("Irina", "Hi. Our drivers hate the paper logs."),
        ("Nnamdi", "We can fix that. I'll send you the install guide and our checklist."),
    )
    assert sides.speaker_scores(m)["Wes"] > 0
    sides.infer(m)
    assert m.sides["Wes"] == "customer"


def test_a_list_of_colleagues_with_the_host_is_not_greeted() -> None:
    m = meeting(
        ("Dana", "Morning. I've got Sadia and Joost with me today."),
        ("Raj", "Morning. We had a rough month."),
        ("Sadia", "Hi Raj."),
        ("Joost", "Hello."),
    )
    assert sides._greeted_by_host(m) == set()
