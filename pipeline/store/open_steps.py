"""Each account's open next steps, kept in memory by the connection that writes meetings.

Every new meeting is matched against its account's open steps (a hundred or more in a
busy account), and reading them back for every meeting cost more than the matching. The
cache is trusted only while nothing else has written: it is stamped, inside each of our
write transactions, with SQLite's `data_version` (which moves when another connection
commits) and this connection's `total_changes` (which moves with any other write made
through it, such as a step marked done by hand or a replaced meeting), and dropped whole
when the stamp differs at the start of the next write. What a meeting changes is staged
during its transaction and applied only after it has committed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from sqlite_utils import Database

Step = tuple[int, str, int, str | None]
"""step id, action, meeting id, meeting date"""

_LOAD = """
SELECT s.id, s.action, m.id, m.date FROM next_steps s INDEXED BY idx_next_steps_open
JOIN meetings m ON m.id = s.meeting_id
WHERE m.account_id = ? AND m.id != ? AND s.status = 'open'
"""


@dataclass
class OpenSteps:
    accounts: dict[int, dict[int, Step]] = field(default_factory=dict)
    stamp: tuple[int, int] | None = None
    _closed: list[tuple[int, int]] = field(default_factory=list)
    _added: list[tuple[int, Step]] = field(default_factory=list)
    _sealed: tuple[int, int] | None = None

    def begin(self, db: Database) -> None:
        """At the start of a write transaction: forget everything if another write happened."""
        if self.stamp is None or self.stamp != _stamp(db):
            self.accounts.clear()
            self.stamp = None
        self._closed, self._added, self._sealed = [], [], None

    def before(
        self, db: Database, account_id: int, meeting_id: int, day: str | None
    ) -> list[tuple[int, str]]:
        """(id, action) of the account's open steps from meetings before this one, by id;
        "before" as in the ledger: by date when both meetings have one, else by ingest order."""
        steps = self.accounts.get(account_id)
        if steps is None:  # read once; this meeting's own steps are not in it yet
            rows = db.execute(_LOAD, [account_id, meeting_id]).fetchall()
            steps = self.accounts[account_id] = {r[0]: (r[0], r[1], r[2], r[3]) for r in rows}
        return sorted(
            (step_id, action)
            for step_id, action, other, other_day in steps.values()
            if other != meeting_id
            and (
                other_day < day if other_day is not None and day is not None else other < meeting_id
            )
        )

    def closed(self, account_id: int, step_ids: list[int]) -> None:
        self._closed.extend((account_id, step_id) for step_id in step_ids)

    def added(self, account_id: int, steps: list[Step]) -> None:
        self._added.extend((account_id, step) for step in steps)

    def seal(self, db: Database) -> None:
        """Last thing inside the transaction: the stamp this state will have once committed
        (read while we hold the write lock, so no other commit can slip in between)."""
        self._sealed = _stamp(db)

    def committed(self) -> None:
        """The transaction committed: apply what it changed and trust the cache again."""
        if self._sealed is None:
            return
        for account_id, step_id in self._closed:
            self.accounts.get(account_id, {}).pop(step_id, None)
        for account_id, step in self._added:
            if account_id in self.accounts:
                self.accounts[account_id][step[0]] = step
        self.stamp, self._sealed = self._sealed, None


_caches: WeakKeyDictionary[Database, OpenSteps] = WeakKeyDictionary()


def for_db(db: Database) -> OpenSteps:
    """The cache of this store connection (one per open Database)."""
    cache = _caches.get(db)
    if cache is None:
        cache = _caches[db] = OpenSteps()
    return cache


def _stamp(db: Database) -> tuple[int, int]:
    return int(db.execute("PRAGMA data_version").fetchone()[0]), db.conn.total_changes
