"""Words of the context questions' distributions, shared by the report page and the workbook."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "pl": {
        "section": "Kontekst współpracy",
        "intro": "Pytania o współpracę, które nie wchodzą do indeksu. W tabelach: ile osób wybrało "
        "odpowiedź i jaki to odsetek odpowiadających; n — ile osób odpowiedziało na pytanie.",
        "caption": "Liczba odpowiedzi (odsetek odpowiadających)",
        "multi": "Można było wskazać kilka odpowiedzi; procent z odpowiadających.",
        "nobody": "Nikt nie odpowiedział na to pytanie.",
        "answer": "Odpowiedź",
        "overall": "Ogółem",
        "sheet": "Kontekst",
        "question": "Pytanie",
        "answering": "Odpowiadający (n)",
        "count": "liczba",
        "share": "odsetek",
        "sheet_note": "Odsetek — z osób, które odpowiedziały na pytanie (w grupie albo ogółem); przy "
        "pytaniach wielokrotnego wyboru odsetki mogą sumować się do ponad 100%. Puste komórki: pytanie "
        "nie było zadawane tej grupie.",
    },
    "en": {
        "section": "Context of cooperation",
        "intro": "Questions about cooperation that do not enter the index. In the tables: how many "
        "people chose an answer and their share of those who answered; n — people who answered the question.",
        "caption": "Number of answers (share of those who answered)",
        "multi": "Several answers could be chosen; percentages of those who answered.",
        "nobody": "Nobody answered this question.",
        "answer": "Answer",
        "overall": "Overall",
        "sheet": "Context",
        "question": "Question",
        "answering": "Answering (n)",
        "count": "count",
        "share": "share",
        "sheet_note": "Share — of the people who answered the question (in the group or overall); for "
        "multiple choice questions the shares can add up to more than 100%. Empty cells: the question "
        "was not asked of that group.",
    },
}


def w(key: str, lang: str = "pl") -> str:
    """The word ``key`` in ``lang`` (Polish for any other language)."""
    return WORDS["en" if lang == "en" else "pl"][key]
