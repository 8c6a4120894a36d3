"""What a validated responses sheet is: answer codes as arrays, one row a respondent, and the open answers."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from liwindex.responses.screening import Screened, screen

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class OpenAnswer:
    """One respondent's answer to an open question, as written; :attr:`screened` is the
    text fit to publish (personal data masked)."""

    question: str
    group: str
    text: str
    row: int
    file: str = ""  # set when a round is made of several files

    @functools.cached_property
    def screened(self) -> Screened:
        """The text with personal data masked, and what was found (screened once)."""
        return screen(self.text)


@dataclass
class SurveyData:
    """Validated answers of one responses sheet, as arrays.

    ``matrix`` has one row per respondent and one column per scored question in
    questionnaire order (the answer's position among its scale's choices, -1 for a blank);
    ``rows`` holds each respondent's Excel row and ``group_index`` their group's position in
    the questionnaire's groups (-1: none). ``codes`` and ``groups`` label the same data as
    pandas objects for the statistics that want them (built on request).
    """

    sheet: str
    header_row: int
    rows: Any  # numpy int64, one per respondent
    matrix: Any  # numpy int16, respondents × questions, column-major
    group_index: Any  # numpy int64, one per respondent
    question_ids: Sequence[str]
    choices: Sequence[Sequence[str]]  # per question, its scale's choice codes
    group_ids: Sequence[str]
    columns: dict[str, str] = field(default_factory=dict)
    context: dict[str, list[Any]] = field(default_factory=dict)  # per respondent
    open_answers: list[OpenAnswer] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def codes(self) -> pd.DataFrame:
        """Respondents × questions: each answer's choice code (a categorical over the
        scale's codes), missing as NaN; index: the rows."""
        import pandas as pd

        return pd.DataFrame(
            {
                q: pd.Categorical.from_codes(self.matrix[:, j], categories=list(self.choices[j]))
                for j, q in enumerate(self.question_ids)
            },
            index=self.rows,
        )

    @property
    def groups(self) -> pd.Series:
        """Each respondent's group id (a categorical over the group ids); index: the rows."""
        import pandas as pd

        return pd.Series(
            pd.Categorical.from_codes(self.group_index, categories=list(self.group_ids)), index=self.rows
        )

    def code_matrix(self) -> Any:
        """Every answer's position on its scale (respondents × questions in questionnaire
        order; -1 for a blank): scoring, item statistics and the checks all read it."""
        return self.matrix

    def answered(self) -> Any:
        """Per respondent and question: is there an answer (``nie wiem`` included)."""
        return self.matrix >= 0
