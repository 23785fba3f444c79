"""The SQLite store every meeting lands in; briefs, the ledger and recaps only read it."""

from milepost.pipeline.store.db import default_path, open_db, write_txn

__all__ = ["default_path", "open_db", "write_txn"]
