"""Properties of the scoring maths, checked on random data (hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TINY, tiny
from liwindex.api import parse_questionnaire
from liwindex.scoring.engine import aggregate, normalise, score_survey

Q = tiny()
QUESTIONS = [x.id for x in Q.questions]
POINTS = {x.id: [c.points for c in Q.scale_by_id[x.scale].scored] for x in Q.questions}


@st.composite
def survey(draw):
    """Random respondents: a group each and, per question, points or missing."""
    n = draw(st.integers(min_value=1, max_value=25))
    groups = draw(st.lists(st.sampled_from(["ngo", "jst"]), min_size=n, max_size=n))
    columns = {
        q: draw(st.lists(st.one_of(st.none(), st.sampled_from(POINTS[q])), min_size=n, max_size=n))
        for q in QUESTIONS
    }
    points = pd.DataFrame(columns, dtype=float, index=range(2, n + 2))
    return points, pd.Series(groups, index=points.index, dtype=object)


@settings(max_examples=60, deadline=None)
@given(survey())
def test_every_score_lies_in_the_index_range(data):
    """Respondent, area, dimension and index values all stay within [1, 5]."""
    points, groups = data
    scores = score_survey(points, groups, Q)
    agg = aggregate(scores.area, Q)
    values = np.concatenate(
        [
            scores.respondent_areas.to_numpy().ravel(),
            scores.area.to_numpy(),
            agg.dimensions.to_numpy(),
            [np.nan if agg.index is None else agg.index],
        ]
    )
    values = values[~np.isnan(values)]
    assert ((values >= 1 - 1e-12) & (values <= 5 + 1e-12)).all()


@settings(max_examples=60, deadline=None)
@given(survey(), st.randoms(use_true_random=False))
def test_scores_do_not_depend_on_respondent_order(data, rnd):
    """Shuffling the rows changes no area score and no index."""
    points, groups = data
    order = list(points.index)
    rnd.shuffle(order)
    first = score_survey(points, groups, Q)
    second = score_survey(points.loc[order], groups.loc[order], Q)
    pd.testing.assert_series_equal(first.area, second.area, check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(first.area_by_group, second.area_by_group, check_exact=False, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(survey())
def test_reverse_coding_twice_is_the_identity(data):
    """Flipping the answers of a reverse-coded question gives the plain question's values."""
    points, _ = data
    plain = yaml.safe_load(TINY)
    for dim in plain["dimensions"]:
        for area in dim["areas"]:
            for x in area["questions"]:
                x["reverse"] = False
    q_plain = parse_questionnaire(yaml.safe_dump(plain, allow_unicode=True))
    flipped = points.copy()
    flipped["q6"] = 1 + 5 - flipped["q6"]  # q6 is reverse-coded on a 1–5 scale in TINY
    np.testing.assert_allclose(normalise(flipped.to_numpy(), Q), normalise(points.to_numpy(), q_plain))


@settings(max_examples=40, deadline=None)
@given(survey())
def test_pooled_equals_equal_when_only_one_group_answers(data):
    """With a single group, equal and pooled group weighting agree."""
    points, groups = data
    only = groups.map(lambda _: "ngo")
    equal = score_survey(points, only, Q).area
    pooled = score_survey(points, only, tiny(group_weighting="pooled")).area
    pd.testing.assert_series_equal(equal, pooled, check_exact=False, rtol=1e-12)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=5).flatmap(
        lambda n: st.lists(
            st.lists(st.sampled_from([0.0, 0.3, 0.6, 0.65, 0.7, 0.8, 0.9, 1.0]), min_size=n, max_size=n),
            min_size=1,
            max_size=4,
        )
    )
)
def test_assignment_is_one_to_one_and_as_good_as_any(scores):
    """mapping init's one-to-one assignment (rows and columns pruned, the smaller side
    iterated) reaches the best total a brute force finds, using only pairs ≥ the threshold."""
    from itertools import permutations

    from liwindex.responses.assignment import assign

    threshold = 0.6
    chosen = assign(scores, threshold)
    assert len(set(chosen.values())) == len(chosen)
    assert all(scores[i][j] >= threshold for i, j in chosen.items())
    rows, width = len(scores), len(scores[0])
    best = 0.0
    slots = list(range(width)) + [None] * rows
    for order in permutations(slots, rows):
        best = max(
            best,
            sum(
                scores[i][j] - threshold + 1e-9
                for i, j in enumerate(order)
                if j is not None and scores[i][j] >= threshold
            ),
        )
    total = sum(scores[i][j] - threshold + 1e-9 for i, j in chosen.items())
    assert abs(total - best) < 1e-6
