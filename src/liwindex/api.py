"""The library API: load a questionnaire, read a round, score it.

    >>> from liwindex.api import load_questionnaire, read_round, score_round
    >>> q = load_questionnaire()            # the standard LIJW questionnaire
    >>> result = score_round(read_round("examples/gmina-przykladowa-2024-wstepna.xlsx", q))
    >>> result.to_dict()["index"]["value"]  # doctest: +SKIP

Invalid input raises :class:`liwindex.problems.InputError`, whose ``report`` lists every
problem with its file, sheet, row and column.
"""

from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.questionnaire import Questionnaire
from liwindex.questionnaire_yaml import load_questionnaire, load_standard, parse_questionnaire
from liwindex.results import ScoreResult, score_round
from liwindex.rounds import Round, read_round

__all__ = [
    "InputError",
    "Problem",
    "Questionnaire",
    "Report",
    "Round",
    "ScoreResult",
    "Severity",
    "load_questionnaire",
    "load_standard",
    "parse_questionnaire",
    "read_round",
    "score_round",
]
