"""The library API, the one façade the command line and the app call.

    >>> from liwindex.api import load_questionnaire, read_round, score_round
    >>> q = load_questionnaire()            # the standard LIJW questionnaire
    >>> result = score_round(read_round("examples/gmina-przykladowa-2024-wstepna.xlsx", q))
    >>> result.to_dict()["index"]["value"]  # doctest: +SKIP

Invalid input raises :class:`liwindex.problems.InputError`, whose ``report`` lists every
problem with its file, sheet, row and column. Everything here is imported from the layers
below (docs/architecture.md); what needs the statistics or the writers imports them when
called, so that a command that needs neither stays quick.
"""

from __future__ import annotations

from liwindex.compare.batch import BatchResult, JstRun
from liwindex.compare.comparison import Change, ComparedRow, Comparison, compare, jst_of, round_label
from liwindex.compare.many import Benchmark, Trend
from liwindex.io.environment import check as check_environment
from liwindex.io.environment import language as environment_language
from liwindex.model.loading import load_questionnaire, load_standard, parse_questionnaire
from liwindex.model.questionnaire import Questionnaire
from liwindex.outputs.files import check_output, check_suffix, install_signal_cleanup, signalled
from liwindex.outputs.headline import Headline, headline
from liwindex.outputs.settings_words import settings_rows
from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.responses.grades import Meta, parse_teryt
from liwindex.responses.mapping import Mapping, load_mapping
from liwindex.responses.rounds import Round, RoundFiles, read_round, read_round_files, round_files, same_file
from liwindex.scoring.results import ScoreResult
from liwindex.scoring.round import score_round
from liwindex.workflows.batch import run_batch
from liwindex.workflows.documents import (
    copy_standard,
    export_report,
    pdf_engine,
    questionnaire_document,
    questionnaire_schema,
    write_analysis,
    write_annex,
    write_dataset,
    write_grading_pack,
    write_mapping_proposal,
    write_multi,
    write_report,
    write_template,
    write_text_file,
    write_xlsform,
)
from liwindex.workflows.parallel import usable_cores
from liwindex.workflows.rounds import (
    RoundSource,
    analyze_file,
    analyze_round,
    benchmark_files,
    check_mapping_file,
    compare_files,
    largest_gaps,
    score_file,
    score_files,
    score_many,
    trend_files,
    validate_file,
    with_intervals,
)
from liwindex.workflows.uploads import arrange_folder, unpack_zip

__all__ = [
    "BatchResult",
    "Benchmark",
    "Change",
    "ComparedRow",
    "Comparison",
    "Headline",
    "InputError",
    "JstRun",
    "Mapping",
    "Meta",
    "Problem",
    "Questionnaire",
    "Report",
    "Round",
    "RoundFiles",
    "RoundSource",
    "ScoreResult",
    "Severity",
    "Trend",
    "analyze_file",
    "analyze_round",
    "arrange_folder",
    "benchmark_files",
    "check_environment",
    "check_mapping_file",
    "check_output",
    "check_suffix",
    "compare",
    "compare_files",
    "copy_standard",
    "environment_language",
    "export_report",
    "headline",
    "install_signal_cleanup",
    "jst_of",
    "largest_gaps",
    "load_mapping",
    "load_questionnaire",
    "load_standard",
    "parse_questionnaire",
    "parse_teryt",
    "pdf_engine",
    "questionnaire_document",
    "questionnaire_schema",
    "read_round",
    "read_round_files",
    "round_files",
    "round_label",
    "run_batch",
    "same_file",
    "score_file",
    "score_files",
    "score_many",
    "score_round",
    "settings_rows",
    "signalled",
    "trend_files",
    "unpack_zip",
    "usable_cores",
    "validate_file",
    "with_intervals",
    "write_analysis",
    "write_annex",
    "write_dataset",
    "write_grading_pack",
    "write_mapping_proposal",
    "write_multi",
    "write_report",
    "write_template",
    "write_text_file",
    "write_xlsform",
]
