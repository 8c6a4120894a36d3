"""The compiled questionnaire: its questions as arrays for the engine, built once per
questionnaire (``Questionnaire.tables``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire


@dataclass(frozen=True)
class QuestionTables:
    """The questions as arrays for the engine, built once per questionnaire
    (``Questionnaire.tables``); nothing here depends on the scoring settings, which a
    sensitivity run varies."""

    question_ids: list[str]
    area_ids: list[str]
    group_ids: list[str]
    pmin: np.ndarray  # q
    pmax: np.ndarray  # q
    reverse: np.ndarray  # indices of reverse-coded questions
    weights: np.ndarray  # q
    asked: np.ndarray  # g × q
    asked_or_unknown: np.ndarray  # (g + 1) × q, the last row all False (unknown group)
    choices: tuple[tuple[str, ...], ...]  # per question, its scale's choice codes
    points: np.ndarray  # q × (choices + 1): each choice's points, NaN for "nie wiem" and blank
    blocks: list[slice]  # each area's columns
    unit_weights: list[bool]  # per area: every weight is 1
    starts: np.ndarray  # the first column of each area that has questions
    filled_areas: np.ndarray  # the positions of those areas
    asked_per_area: np.ndarray  # (g + 1) × a: questions asked per group and area, then zeros
    area_groups: dict[str, list[str]]  # per area, the groups asked any of its questions
    dimension_columns: list[list[int]]  # per dimension, the positions of its areas

    def area_sums(self, x: np.ndarray) -> np.ndarray:
        """Per row, the sum of ``x`` (n × q) over each area's columns (n × a)."""
        sums = (
            np.add.reduceat(x, self.starts, axis=1)
            if len(self.starts)
            else np.zeros((len(x), 0), dtype=x.dtype)
        )
        if len(self.filled_areas) == len(self.area_ids):
            return sums
        out = np.zeros((len(x), len(self.area_ids)), dtype=sums.dtype)
        out[:, self.filled_areas] = sums
        return out

    @classmethod
    def of(cls, questionnaire: Questionnaire) -> QuestionTables:
        scales = [questionnaire.scale_by_id[q.scale] for q in questionnaire.questions]
        widest = max(len(s.choices) for s in scales)
        # a blank (-1) picks the last column, which stays NaN
        points = np.full((len(scales), widest + 1), np.nan)
        for j, scale in enumerate(scales):
            for k, choice in enumerate(scale.choices):
                if not choice.na and choice.points is not None:
                    points[j, k] = choice.points
        asked = np.array(questionnaire.asked, dtype=bool).reshape(
            len(questionnaire.groups), len(questionnaire.questions)
        )
        weights = np.array([q.weight for q in questionnaire.questions], dtype=float)
        blocks = area_blocks(questionnaire)
        filled_areas = np.array([a for a, b in enumerate(blocks) if b.stop > b.start], dtype=int)
        asked_per_area = np.zeros((len(questionnaire.groups) + 1, len(blocks)))
        for a, block in enumerate(blocks):
            asked_per_area[:-1, a] = asked[:, block].sum(axis=1)
        for array in (points, asked, weights, asked_per_area):
            array.flags.writeable = False
        return cls(
            question_ids=[q.id for q in questionnaire.questions],
            area_ids=[a.id for a in questionnaire.areas],
            group_ids=list(questionnaire.group_ids),
            pmin=np.array([s.pmin for s in scales], dtype=float),
            pmax=np.array([s.pmax for s in scales], dtype=float),
            reverse=np.flatnonzero([q.reverse for q in questionnaire.questions]),
            weights=weights,
            asked=asked,
            asked_or_unknown=np.vstack([asked, np.zeros((1, asked.shape[1]), dtype=bool)]),
            choices=tuple(tuple(c.code for c in s.choices) for s in scales),
            points=points,
            blocks=blocks,
            unit_weights=[bool((weights[b] == 1).all()) for b in blocks],
            starts=np.array([blocks[a].start for a in filled_areas], dtype=int),
            filled_areas=filled_areas,
            asked_per_area=asked_per_area,
            area_groups={
                area.id: [g for i, g in enumerate(questionnaire.group_ids) if asked_per_area[i, a] > 0]
                for a, area in enumerate(questionnaire.areas)
            },
            dimension_columns=[
                [[a.id for a in questionnaire.areas].index(x.id) for x in d.areas]
                for d in questionnaire.dimensions
            ],
        )

    def points_of(self, matrix: np.ndarray) -> np.ndarray:
        """Raw points (n × q, NaN for blank and "nie wiem") of a code matrix (positions on
        each question's scale, -1 blank)."""
        return self.points[np.arange(len(self.question_ids)), matrix]


def area_blocks(questionnaire: Questionnaire) -> list[slice]:
    """For each area, the slice of its questions' columns (questions are in area order)."""
    blocks, start = [], 0
    for area in questionnaire.areas:
        blocks.append(slice(start, start + len(area.questions)))
        start += len(area.questions)
    return blocks
