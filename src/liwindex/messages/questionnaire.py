"""Messages about questionnaire YAML files."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- questionnaire YAML ------------------------------------------------------------
    "yaml-too-large": {
        "pl": "plik YAML jest zbyt duży (limit {limit} bajtów). Sprawdź, czy to właściwy plik.",
        "en": "the YAML file is too large (limit {limit} bytes). Check that it is the right file.",
    },
    "yaml-too-complex": {
        "pl": "dokument YAML po rozwinięciu aliasów (&, *) miałby ponad {limit} elementów. "
        "Usuń zagnieżdżone aliasy.",
        "en": "the YAML document would expand to more than {limit} items through its aliases "
        "(&, *). Remove the nested aliases.",
    },
    "yaml-not-utf8": {
        "pl": "plik nie jest zapisany w UTF-8. Zapisz go w edytorze z kodowaniem UTF-8.",
        "en": "the file is not UTF-8. Save it from your editor with UTF-8 encoding.",
    },
    # --- YAML syntax: the user's mistake behind PyYAML's error (io/yamlerrors.py) -------
    "yaml-missing-colon": {
        "pl": "brakuje dwukropka po nazwie pola „{key}” — napisz „{fixed}” (dwukropek i spacja po nazwie).",
        "en": "the colon after the field name '{key}' is missing — write '{fixed}' (a colon and "
        "a space after the name).",
    },
    "yaml-missing-space": {
        "pl": "po dwukropku brakuje spacji, więc to nie jest pole „nazwa: wartość” — napisz „{fixed}”.",
        "en": "there is no space after the colon, so this is no 'name: value' field — write '{fixed}'.",
    },
    "yaml-tab": {
        "pl": "tu jest znak tabulacji, a YAML przyjmuje tylko spacje (we wcięciach i po dwukropku) — "
        "zamień tabulator na spacje.",
        "en": "there is a tab character here, and YAML accepts only spaces (in indentation and "
        "after a colon) — replace the tab with spaces.",
    },
    "yaml-colon-in-value": {
        "pl": "wartość zawiera dwukropek ze spacją („: ”), który YAML czyta jako początek kolejnego "
        "pola — ujmij wartość w cudzysłów: „{fixed}”.",
        "en": "the value holds a colon and a space (': '), which YAML reads as the start of another "
        "field — put the value in quotes: '{fixed}'.",
    },
    "yaml-indentation": {
        "pl": "wcięcie „{key}” nie pasuje do żadnego poziomu wyżej — wyrównaj je do „{anchor}” z "
        "linii {anchor_line} ({spaces:pl:spacja|spacje|spacji} na początku linii) albo do pola, "
        "do którego „{key}” należy.",
        "en": "the indentation of '{key}' matches no level above — align it with '{anchor}' on "
        "line {anchor_line} ({spaces:en:space|spaces} at the start of the line) or with the "
        "field '{key}' belongs to.",
    },
    "yaml-list-indentation": {
        "pl": "ten element listy („-”) jest wcięty inaczej niż lista nad nim — wyrównaj „-” do „-” "
        "z linii {anchor_line} ({spaces:pl:spacja|spacje|spacji} na początku linii).",
        "en": "this list item ('-') is indented differently from the list above — align the '-' "
        "with the '-' on line {anchor_line} ({spaces:en:space|spaces} at the start of the line).",
    },
    "yaml-backslash": {
        "pl": "w cudzysłowie podwójnym ukośnik „\\” zaczyna znak specjalny — ujmij tę wartość w "
        "apostrofy ('…') albo napisz ukośnik podwójnie („\\\\”).",
        "en": "inside double quotes a backslash '\\' starts a special character — put this value "
        "in single quotes ('…') or double the backslash ('\\\\').",
    },
    "yaml-list-item-unexpected": {
        "pl": "linia zaczyna się od „-” (element listy) tam, gdzie powinno być pole „nazwa: "
        "wartość” — usuń „- ” albo umieść listę pod polem zakończonym dwukropkiem, z większym "
        "wcięciem.",
        "en": "the line starts with '-' (a list item) where a 'name: value' field should be — "
        "remove the '- ', or put the list under a field that ends with a colon, indented deeper.",
    },
    "yaml-unclosed-quote": {
        "pl": "cudzysłów „{quote}” otwarty w tym miejscu nie jest zamknięty — dopisz „{quote}” na "
        "końcu wartości, w tej samej linii.",
        "en": "the quote ({quote}) opened here is not closed — add {quote} at the end of the value, "
        "on the same line.",
    },
    "yaml-text-after-quote": {
        "pl": "po zamykającym cudzysłowie („{quote}”) jest jeszcze tekst — ujmij w cudzysłów całą "
        "wartość albo usuń cudzysłowy.",
        "en": "there is more text after the closing quote ({quote}) — quote the whole value or "
        "remove the quotes.",
    },
    "yaml-unclosed-bracket": {
        "pl": "nawias „{bracket}” otwarty w tym miejscu nie jest zamknięty — dopisz „{closing}” na "
        "końcu jego wartości.",
        "en": "the bracket '{bracket}' opened here is not closed — add '{closing}' at the end of its value.",
    },
    "yaml-flow-separator": {
        "pl": "w nawiasie „{bracket} … {closing}” brakuje tu przecinka między elementami (albo "
        "nawias zamyka się za wcześnie) — oddziel elementy przecinkiem i spacją.",
        "en": "a comma between the items of '{bracket} … {closing}' is missing here (or the "
        "bracket closes too early) — separate the items with a comma and a space.",
    },
    "yaml-unmatched-bracket": {
        "pl": "nawias zamykający „{bracket}” nie ma pary — usuń go albo dopisz nawias otwierający.",
        "en": "the closing bracket '{bracket}' closes nothing — remove it or add the opening one.",
    },
    "yaml-reserved-character": {
        "pl": "wartość zaczyna się od znaku „{char}”, który w YAML ma specjalne znaczenie — ujmij ją "
        "w cudzysłów: „{fixed}”.",
        "en": "the value starts with '{char}', which has a special meaning in YAML — put it in "
        "quotes: '{fixed}'.",
    },
    "yaml-bad-character": {
        "pl": "tu jest niedozwolony znak sterujący ({char_code}), zwykle niewidoczny w edytorze — usuń "
        "go (najprościej przepisz tę linię).",
        "en": "there is a control character ({char_code}) here that YAML does not allow, usually "
        "invisible in an editor — remove it (simplest: retype the line).",
    },
    "yaml-syntax": {
        "pl": "tego miejsca nie da się odczytać jako YAML. Sprawdź wcięcia (tylko spacje), "
        "dwukropek ze spacją po każdej nazwie pola i czy każdy cudzysłów i nawias jest zamknięty.",
        "en": "this place cannot be read as YAML. Check the indentation (spaces only), a colon and "
        "a space after every field name, and that every quote and bracket is closed.",
    },
    "yaml-not-mapping": {
        "pl": "plik musi składać się z pól „nazwa: wartość”, a zawiera {found}. Popraw go ({kind}).",
        "en": "the file must consist of 'name: value' fields, but it holds {found}. Fix it ({kind}).",
    },
    "yaml-invalid": {
        "pl": "nieprawidłowa wartość: {detail}. Popraw to pole zgodnie z opisem formatu "
        "(docs/questionnaire-format.md).",
        "en": "invalid value: {detail}. Fix this field as the format reference describes "
        "(docs/questionnaire-format.md).",
    },
    "yaml-duplicate-key": {
        "pl": "klucz „{value}” występuje drugi raz (pierwszy raz w linii {first}), a liczyłaby się "
        "tylko ostatnia wartość. Usuń jedno z wystąpień.",
        "en": "the key '{value}' appears a second time (first on line {first}), and only the last "
        "value would count. Remove one of them.",
    },
    "duplicate-id": {
        "pl": "identyfikator „{value}” jest już użyty w {first}. Nadaj unikalny identyfikator.",
        "en": "the id '{value}' is already used at {first}. Give a unique id.",
    },
    "duplicate-code": {
        "pl": "kod odpowiedzi „{value}” powtarza się w skali (pierwszy raz w {first}). "
        "Nadaj każdej odpowiedzi inny kod.",
        "en": "the answer code '{value}' repeats in the scale (first at {first}). "
        "Give every choice its own code.",
    },
    "duplicate-label": {
        "pl": "etykieta „{value}” powtarza się w skali (pierwszy raz w {first}), więc odpowiedzi "
        "nie da się rozróżnić. Zmień etykietę.",
        "en": "the label '{value}' repeats in the scale (first at {first}), so answers cannot "
        "be told apart. Change the label.",
    },
    "choice-without-points": {
        "pl": "odpowiedź „{value}” nie ma punktów. Dodaj „points: liczba” albo „na: true” "
        "dla odpowiedzi typu „nie wiem”.",
        "en": "the choice '{value}' has no points. Add 'points: number', or 'na: true' for a "
        "'don't know' choice.",
    },
    "scale-constant-points": {
        "pl": "skala „{value}” potrzebuje co najmniej dwóch różnych wartości punktów. "
        "Popraw punkty odpowiedzi.",
        "en": "the scale '{value}' needs at least two different point values. Fix the points of its choices.",
    },
    "unknown-scale": {
        "pl": "nieznana skala „{value}”; znane: {known}. Popraw nazwę albo zdefiniuj skalę w „scales”.",
        "en": "unknown scale '{value}'; known: {known}. Fix the name or define the scale under 'scales'.",
    },
    "missing-scale": {
        "pl": "pytanie wyboru wymaga skali. Dodaj „scale: id_skali”.",
        "en": "a choice question needs a scale. Add 'scale: scale_id'.",
    },
    "empty-groups": {
        "pl": "lista grup jest pusta. Podaj grupy, którym zadaje się pytanie, albo usuń klucz.",
        "en": "the list of groups is empty. List the groups asked, or remove the key.",
    },
    "unknown-group-ref": {
        "pl": "nieznana grupa „{value}”; znane: {known}. Popraw identyfikator grupy.",
        "en": "unknown group '{value}'; known: {known}. Fix the group id.",
    },
    "empty-dimension": {
        "pl": "płaszczyzna „{value}” nie ma obszarów. Dodaj obszary albo usuń płaszczyznę.",
        "en": "the dimension '{value}' has no areas. Add areas or remove the dimension.",
    },
    "empty-area": {
        "pl": "obszar „{value}” nie ma pytań punktowanych. Dodaj pytania albo usuń obszar.",
        "en": "the area '{value}' has no scored questions. Add questions or remove the area.",
    },
    "bad-index-range": {
        "pl": "zakres indeksu {value} musi mieć dolną granicę mniejszą od górnej, np. [1, 5].",
        "en": "the index range {value} needs a lower bound below the upper one, e.g. [1, 5].",
    },
    "bad-index-bounds": {
        "pl": "zakres indeksu {value} musi składać się z dwóch skończonych liczb między −{max} a {max}, "
        "np. [1, 5].",
        "en": "the index range {value} must be two finite numbers between −{max} and {max}, e.g. [1, 5].",
    },
    "too-many-grades": {
        "pl": "krok ocen {value} daje ponad {max} możliwych ocen w zakresie [{lo}, {hi}]. Użyj np. 0.5 "
        "albo 1.",
        "en": "the grade step {value} gives more than {max} possible grades in [{lo}, {hi}]. Use e.g. "
        "0.5 or 1.",
    },
    "too-many-items": {
        "pl": "kwestionariusz ma {value} {what}, a liwindex przyjmuje najwyżej {max}. Podziel go "
        "albo sprawdź, czy plik nie został wygenerowany przez pomyłkę.",
        "en": "the questionnaire has {value} {what}, and liwindex accepts at most {max}. Split it, "
        "or check that the file was not generated by mistake.",
    },
    "bad-grade-step": {
        "pl": "krok ocen {value} nie dzieli zakresu [{lo}, {hi}] na równe części. Użyj np. 0.5 albo 1.",
        "en": "the grade step {value} does not divide the range [{lo}, {hi}] evenly. Use e.g. 0.5 or 1.",
    },
    "indicator-no-place": {
        "pl": "wskaźnik „{value}” nie mówi, czego dotyczy. Dodaj „area: id_obszaru” albo "
        "„dimension: id_płaszczyzny”.",
        "en": "the indicator '{value}' does not say what it informs. Add 'area: area_id' or "
        "'dimension: dimension_id'.",
    },
    "indicator-two-places": {
        "pl": "wskaźnik „{value}” ma i obszar, i płaszczyznę. Zostaw tylko jedno z pól „area” "
        "albo „dimension”.",
        "en": "the indicator '{value}' has both an area and a dimension. Keep only one of 'area' "
        "or 'dimension'.",
    },
    "unknown-area-ref": {
        "pl": "nieznany obszar „{value}”; znane: {known}. Popraw identyfikator obszaru.",
        "en": "unknown area '{value}'; known: {known}. Fix the area id.",
    },
    "unknown-dimension-ref": {
        "pl": "nieznana płaszczyzna „{value}”; znane: {known}. Popraw identyfikator płaszczyzny.",
        "en": "unknown dimension '{value}'; known: {known}. Fix the dimension id.",
    },
    "indicator-bad-bounds": {
        "pl": "najmniejsza wartość {lo} jest większa od największej {hi}. Popraw „min” albo „max”.",
        "en": "the lowest value {lo} is above the highest {hi}. Fix 'min' or 'max'.",
    },
}
