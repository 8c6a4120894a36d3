"""Open answers as documents publish them: personal data masked (unless masking is turned
off for internal use), non-answers ("nie wiem", "-", "brak") dropped, identical answers
merged with their count, the most frequent first — and the list of masked answers for the
officer's review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from liwindex.responses.data import OpenAnswer
from liwindex.responses.screening import merge_answers
from liwindex.scoring.results import ScoreResult


@dataclass(frozen=True)
class AnswerGroup:
    """One question's answers from one respondent group: (text, count), most frequent first."""

    question: str
    group: str
    answers: list[tuple[str, int]]

    @property
    def total(self) -> int:
        """Answers given (non-answers left out), duplicates counted."""
        return sum(n for _, n in self.answers)


def shown_text(answer: OpenAnswer, mask: bool = True) -> str:
    """The answer as a document shows it."""
    return answer.screened.text if mask else answer.text


def answer_groups(result: ScoreResult, mask: bool = True) -> list[AnswerGroup]:
    """Every open question's answers per group, in the questionnaire's order."""
    q = result.questionnaire
    if q is None or not result.open_answers:
        return []
    out = []
    for question in q.context_questions:
        for group in q.group_ids:
            texts = [
                shown_text(a, mask)
                for a in result.open_answers
                if a.question == question.id and a.group == group
            ]
            merged = merge_answers(texts)
            if merged:
                out.append(AnswerGroup(question.id, group, merged))
    return out


def masked_answers(rounds: Sequence[ScoreResult]) -> list[tuple[ScoreResult, OpenAnswer]]:
    """Every answer in which personal data was found, with its round."""
    return [(r, a) for r in rounds for a in r.open_answers if a.screened.kinds]
