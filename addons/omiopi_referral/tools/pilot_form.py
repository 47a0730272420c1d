"""Reading the pilot's referral form as people filled it in.

The CONNECTION pilot collected referrals with a Google Form of 21 questions;
its export is a CSV or XLSX file with the questions as column headers, in
Spanish, and the answers as technicians typed them: names in capitals, two
phones in one cell, "NIE X1234567L caduca 12/03/2026", "Español nativo -
Inglés B1". This module turns one row into plain values, without the
database; names are compared folded as everywhere in the suite
(omiopi_case's tools.names.fold).
"""

import re
from datetime import date, datetime

from odoo.addons.omiopi_case.tools.names import fold

# Column key -> how the header starts once folded (no accents, lower case,
# question number and punctuation removed).
COLUMNS = [
    ("timestamp", ("marca temporal", "timestamp")),
    ("referrer", ("persona que rellena",)),
    ("benefit_notes", ("si has marcado",)),
    ("benefit", ("esta cobrando",)),
    ("email", ("direccion de correo", "correo electronico", "email")),
    ("address", ("direccion completa", "domicilio")),
    ("education", ("formacion academica",)),
    ("licences", ("tiene carnet de conducir", "carnet de conducir")),
    ("document", ("tipo de documento",)),
    ("homologation", ("nivel de estudios homologados", "estudios homologados")),
    ("permits", ("otra informacion de interes",)),
    ("phones", ("telefono",)),
    ("training", ("formacion complementaria",)),
    ("interests", ("intereses formativos",)),
    ("experience", ("experiencia laboral",)),
    ("observations", ("observaciones",)),
    ("nationality", ("nacionalidad",)),
    ("languages", ("idiomas",)),
    ("employment", ("situacion laboral",)),
    ("computer", ("informatica",)),
    ("disability", ("discapacidad",)),
    ("birthdate", ("fecha de nacimiento",)),
    ("gender", ("genero", "sexo")),
    ("name", ("nombre",)),
]

DOCUMENT_KEYWORDS = [
    ("asylum", ("carta blanca", "asilo", "proteccion internacional", "tarjeta roja")),
    ("student_card", ("estudiante",)),
    (
        "eu_certificate",
        ("certificado de registro", "ciudadano de la ue", "registro ue"),
    ),
    ("tie", ("tie", "tarjeta de identidad de extranjero", "tarjeta de residencia")),
    ("nie", ("nie",)),
    ("dni", ("dni",)),
    ("passport", ("pasaporte", "passport")),
]
NIE_NUMBER = re.compile(r"\b([XYZ])[\s.-]?(\d{7})[\s.-]?([A-Z])\b")
DNI_NUMBER = re.compile(r"\b(\d{8})[\s.-]?([A-Z])\b")
OTHER_NUMBER = re.compile(r"\b([A-Z]{0,3}\d{5,10}[A-Z]?)\b")
DATE = re.compile(
    r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b|\b(\d{4})-(\d{2})-(\d{2})\b"
)
PHONE = re.compile(r"(\+?\d[\d\s().]{6,}\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LICENCE_CODES = ["AM", "A1", "A2", "BE", "C1", "CE", "D1", "DE", "A", "B", "C", "D"]
LEVEL = re.compile(r"\b([ABC][12])\b", re.IGNORECASE)
HOURS = re.compile(r"(\d+)\s*(?:h\b|horas|hrs)", re.IGNORECASE)
DEMONYMS = {
    "venezolan": "VE",
    "peruan": "PE",
    "colombian": "CO",
    "hondurena": "HN",
    "hondureno": "HN",
    "bolivian": "BO",
    "ucranian": "UA",
    "marroqu": "MA",
    "ecuatorian": "EC",
    "sudanes": "SD",
    "salvadoren": "SV",
    "argentin": "AR",
    "senegales": "SN",
    "malien": "ML",
    "georgian": "GE",
    "espanol": "ES",
    "espanola": "ES",
    "dominican": "DO",
    "paraguay": "PY",
    "nicaraguense": "NI",
    "cuban": "CU",
    "mexican": "MX",
    "rumana": "RO",
    "rumano": "RO",
    "chin": "CN",
}
PERMITS = [
    ("food_handler", ("manipula",)),
    ("forklift", ("carretiller",)),
    ("prl_basic", ("prl", "riesgos laborales")),
    ("construction_card", ("tpc", "construccion")),
    ("phytosanitary", ("fitosanit",)),
]
EDUCATION = [
    ("postgraduate", ("master", "doctor")),
    ("university", ("universi", "licenci", "ingenier", "grado en", "diplomad")),
    ("vet_higher", ("grado superior", "fp superior", "ciclo superior")),
    ("vet_intermediate", ("grado medio", "fp medio", "ciclo medio", "tecnico")),
    ("upper_secondary", ("bachiller",)),
    ("lower_secondary", ("eso", "secundaria")),
    ("primary", ("primaria",)),
    ("none", ("sin estudios", "ninguno", "no tiene")),
]
LANGUAGE_NAMES = {
    "espanol": "es",
    "castellano": "es",
    "ingles": "en",
    "frances": "fr",
    "arabe": "ar",
    "portugues": "pt",
    "ucraniano": "uk",
    "ruso": "ru",
    "rumano": "ro",
    "chino": "zh",
    "italiano": "it",
    "aleman": "de",
    "wolof": "wo",
    "bereber": "ber",
    "tamazight": "ber",
    "bambara": "bm",
    "quechua": "qu",
    "urdu": "ur",
    "bengali": "bn",
    "georgiano": "ka",
    "tagalo": "tl",
    "persa": "fa",
    "fula": "ff",
    "hindi": "hi",
}


def header_key(header):
    """The column key of a header, or None for a column we do not read."""
    text = fold(header)
    text = re.sub(r"^\d+\s*[.)-]?\s*", "", text).strip(" ¿?:.")
    for key, prefixes in COLUMNS:
        if any(text.startswith(prefix) for prefix in prefixes):
            return key
    return None


def parse_date(text):
    """A date typed as 12/03/2026, 12-3-26, 12.03.2026 or 2026-03-12."""
    match = DATE.search(text or "")
    if not match:
        return None
    if match.group(4):
        year, month, day = (int(match.group(i)) for i in (4, 5, 6))
    else:
        day, month, year = (int(match.group(i)) for i in (1, 2, 3))
        if year < 100:
            year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_timestamp(text):
    """The form's "Marca temporal": 15/09/2022 10:23:45 (or ISO)."""
    text = (text or "").strip()
    for fmt in (
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y/%m/%d %H:%M:%S",
    ):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    day = parse_date(text)
    return datetime(day.year, day.month, day.day) if day else None


def parse_document(text):
    """(document type code, number, expiry date) of "NIE X1234567L caduca
    12/03/2026", "Pasaporte AB123456 10-10-2027", "DNI 12345678-Z"."""
    raw = (text or "").upper()
    folded = fold(text)
    kind = None
    for code, keywords in DOCUMENT_KEYWORDS:
        if any(re.search(rf"\b{re.escape(k)}\b", folded) for k in keywords):
            kind = code
            break
    number = None
    match = NIE_NUMBER.search(raw)
    if match:
        number = "".join(match.groups())
        kind = kind or "nie"
    else:
        match = DNI_NUMBER.search(raw)
        if match:
            number = "".join(match.groups())
            kind = kind or "dni"
        else:
            cleaned = DATE.sub(" ", raw)
            match = OTHER_NUMBER.search(cleaned)
            if match:
                number = match.group(1)
                kind = kind or "passport"
    return kind, number, parse_date(text)


def parse_phones(text):
    """Up to two phone numbers, as written (the person's two phones)."""
    found = []
    for chunk in re.split(r"[/;,]|\by\b|\bo\b|\s-\s", text or ""):
        match = PHONE.search(chunk)
        if match:
            number = re.sub(r"[\s().]", "", match.group(1))
            if len(re.sub(r"\D", "", number)) >= 9:
                found.append(number)
    return found[:2]


def parse_email(text):
    match = EMAIL.search(text or "")
    return match.group(0).lower() if match else None


def parse_country_code(text):
    """ISO code for "Venezuela", "venezolana", "Perú"... or None."""
    folded = fold(text)
    for stem, code in DEMONYMS.items():
        if folded.startswith(stem):
            return code
    return None


def parse_languages(text):
    """[(language code or folded name, level)] of "Español nativo - Inglés B1"."""
    result = []
    for chunk in re.split(r"[-,;/\n]", text or ""):
        folded = fold(chunk)
        if not folded:
            continue
        name = folded.split(" ")[0]
        code = LANGUAGE_NAMES.get(name, name)
        level_match = LEVEL.search(chunk)
        if level_match:
            level = level_match.group(1).lower()
        elif any(w in folded for w in ("nativ", "materna", "native")):
            level = "native"
        elif any(w in folded for w in ("alto", "avanzado", "fluido")):
            level = "c1"
        elif any(w in folded for w in ("medio", "intermedio")):
            level = "b1"
        else:
            level = "a2"
        result.append((code, level))
    return result


def parse_licences(text):
    """Licence classes of "Sí, B y C1" (an answer "No" gives none)."""
    folded = fold(text)
    if not folded or folded in ("no", "ninguno", "ninguna"):
        return []
    tokens = re.findall(r"\b[A-Z]{1,2}\d?\b", (text or "").upper())
    return [t for t in dict.fromkeys(tokens) if t in LICENCE_CODES]


def match_keywords(text, table):
    folded = fold(text)
    return [code for code, keywords in table if any(k in folded for k in keywords)]


def parse_education_level(text):
    found = match_keywords(text, EDUCATION)
    return found[0] if found else None


def parse_homologation(text):
    folded = fold(text)
    if not folded:
        return None
    if any(w in folded for w in ("tramite", "proceso", "en curso")):
        return "in_progress"
    if folded.startswith("no"):
        return "no"
    if folded.startswith(("si", "homolog")):
        return "yes"
    return None


def parse_computer_level(text):
    folded = fold(text)
    if not folded:
        return None
    if any(w in folded for w in ("nul", "ningun", "nada")) or folded in ("no", "0"):
        return "0"
    if "basic" in folded:
        return "1"
    if "medio" in folded or "intermedi" in folded:
        return "2"
    if "alto" in folded or "avanzad" in folded:
        return "3"
    return None


def parse_employment(text):
    folded = fold(text)
    if not folded:
        return None
    if any(w in folded for w in ("sin contrato", "sumergid", "en negro", "informal")):
        return "informal"
    if any(w in folded for w in ("desemple", "paro", "parad", "sin trabajo")):
        return "unemployed"
    if "estudi" in folded:
        return "student"
    if any(w in folded for w in ("trabaj", "contrato", "ocupad", "emplead")):
        return "employed"
    return None


def parse_benefit(text):
    folded = fold(text)
    if not folded:
        return None
    if folded.startswith("no"):
        return "none"
    if any(w in folded for w in ("imv", "ingreso minimo", "rmi", "renta minima")):
        return "minimum_income"
    if "subsidio" in folded:
        return "unemployment_subsidy"
    if "programa" in folded:
        return "specialised_programme"
    if any(w in folded for w in ("prestacion", "contributiva", "paro")):
        return "unemployment_benefit"
    return "other"


def parse_disability(text):
    """(has a disability, degree in % or None)."""
    folded = fold(text)
    if not folded or folded.startswith("no"):
        return False, None
    degree = re.search(r"(\d{2})\s*%", folded)
    return True, int(degree.group(1)) if degree else None


def parse_gender(text):
    folded = fold(text)
    if folded.startswith(("mujer", "femen", "f")):
        return "female"
    if folded.startswith(("hombre", "mascul", "varon", "m")):
        return "male"
    return "other" if folded else None


def parse_lines(text):
    """Cells with one entry per line or separated by ';'."""
    return [
        line.strip(" -•\t")
        for line in re.split(r"[\n;]", text or "")
        if line.strip(" -•\t")
    ]


def parse_experience(text):
    """[(position, company)] of "Camarera - Bar Pepe; Limpieza - hogar"."""
    result = []
    for line in parse_lines(text):
        parts = re.split(r"\s[-–]\s|,", line, maxsplit=1)
        position = parts[0].strip()
        company = parts[1].strip() if len(parts) > 1 else ""
        if position:
            result.append((position, company))
    return result


def parse_training(text):
    """[(name, hours)] of "Manipulador de alimentos 10 h; Informática 30 horas"."""
    result = []
    for line in parse_lines(text):
        hours = HOURS.search(line)
        name = HOURS.sub("", line).strip(" -,")
        if name:
            result.append((name, float(hours.group(1)) if hours else 0.0))
    return result
