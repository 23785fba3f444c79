"""The journey map a company can replace with its own; validated so a typo is an error."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class JourneyStage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    description: str
    cues: list[str] = Field(default_factory=list, description="phrases that signal this stage")
    vendor_actions: list[str] = Field(default_factory=list)
    customer_actions: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list, description="goal-discovery questions")
    before_results: bool = Field(
        default=False,
        description="a meeting at this stage comes before the product can have given a result,"
        " so no verified outcome is reported in it",
    )


class JourneyMap(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    stages: list[JourneyStage] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> JourneyMap:
        ids = [s.id for s in self.stages]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate stage ids: {', '.join(sorted(dupes))}")
        return self

    def get(self, stage_id: str) -> JourneyStage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def next_after(self, stage_id: str) -> JourneyStage | None:
        ids = [s.id for s in self.stages]
        if stage_id not in ids or ids.index(stage_id) + 1 >= len(ids):
            return None
        return self.stages[ids.index(stage_id) + 1]
