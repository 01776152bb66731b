"""Korean texts for center staff: why an import file or one of its rows was not imported.

Each is filled with ``str.format`` and quotes what it is about (the value, the column, the
source's own words), so the sentence alone says what to fix.
"""

from __future__ import annotations

# Whole files
FILE_UNOPENABLE = "파일을 열 수 없습니다: {reason}"
FILE_TOO_LARGE = "파일이 너무 큽니다 ({size_mb:,.0f}MB, 최대 {max_mb}MB): 나누어 가져와 주세요."
FILE_EMPTY = "파일이 비어 있습니다."
FILE_SPREADSHEET = (
    "엑셀 파일(xlsx/xls)은 바로 읽지 못합니다: 엑셀에서 'CSV UTF-8'로 저장해 가져와 주세요."
)
HTML_NO_TABLE = (
    "웹 페이지(HTML)로 된 파일인데 채용정보 표가 없습니다: 엑셀에서 열어 'CSV UTF-8'로 저장해 "
    "가져와 주세요."
)
FILE_ENCODING = "파일 인코딩을 알 수 없습니다 (UTF-8 또는 CP949로 저장해 주세요)."
XML_UNREADABLE = "XML로 읽을 수 없습니다."
XML_UNREADABLE_AT = "XML로 읽을 수 없습니다 ({line}행: {reason})."
XML_FORBIDDEN = (
    "XML에 엔티티나 DTD 선언이 있어 읽지 않았습니다 "
    "(채용정보 응답에는 없는 것으로, 안전을 위해 거부합니다)."
)
XML_OTHER_ROOT = "{expected} (루트 요소: <{root}>)"
WORKNET_LABEL = "고용24"
WORKNET_EXPECTED = (
    "고용24 XML이 아닙니다: 채용정보 목록(wantedRoot) 또는 상세(wantedDtl) 응답이어야 합니다"
)
SOURCE_ERROR = "{label} 응답 오류: {message}"
SOURCE_ERROR_CODED = "{label} 응답 오류 ({code}): {message}"
SOURCE_ERROR_UNSAID = "알 수 없는 오류"
MISSING_COLUMNS = (
    "CSV 머리글에서 {labels} 열을 찾지 못했습니다. 읽은 머리글: {seen}. "
    "어느 열인지 알려 주세요, 예: {suggestion}"
)
NO_HEADERS = "(없음)"
AND = "과 "
COLUMN_PLACEHOLDER = "<{label} 열 이름>"

# Column mappings (--columns, data/sources/NAME.yml)
COLUMNS_OPTION = "열 지정"
COLUMNS_UNKNOWN = "{origin}: 알 수 없는 열 이름 {unknown}. 쓸 수 있는 이름: {known}"
COLUMNS_MALFORMED = (
    "열 지정 '{part}'을(를) 읽을 수 없습니다. "
    "머리글=열이름 형식으로 써 주세요 (예: 회사=company,공고=title)."
)
COLUMNS_EMPTY = "열 지정이 비어 있습니다 (예: 회사=company,공고=title)."
PROFILE_UNREADABLE = "{name}을(를) 읽을 수 없습니다: {reason}"
PROFILE_MALFORMED = "{name}: 'columns'는 머리글: 열이름 목록이어야 합니다."

# One row
CSV_BROKEN = "CSV 구조 오류 ({reason}): 이 행부터는 읽지 못했습니다"
CELL_COUNT = "열 개수가 머리글과 다릅니다 ({cells}개, 머리글 {width}개)"
SHIFTED_ROW = (
    "열이 밀린 행입니다: {place} 칸이 비어 있고 {other} 칸에 지역 '{value}'이(가) 있습니다"
)
JSON_INVALID = "JSON 형식이 아닙니다 ({reason})"
JSON_NOT_OBJECT = "한 줄에 JSON 객체 하나가 있어야 합니다"
XML_BROKEN = "XML 구조 오류: {reason}"
XML_TOO_LONG = "XML 요소 <{element}>의 내용이 너무 깁니다 (한 요소는 {limit:,}자까지 읽습니다)"
#: The company of a posting whose company cell holds ad copy ("일당 15만원 / 당일지급 / 상하차"):
#: one per posting, so two unnamed employers never share a company (nor its bound chats).
UNNAMED_COMPANY = "회사명 미기재 ({source} {source_id})"
#: The ad copy kept in the posting's text, where it tells pay, shift and work.
AD_COPY_LINE = "광고 문구: {text}"
MISSING_VALUES = "필수 항목이 비어 있습니다: {labels}"
NOT_A_NUMBER = "{column} '{value}'은(는) 숫자가 아닙니다"
CLOSE_UNREADABLE = "마감일 '{value}'을(를) 날짜로 읽을 수 없습니다 (예: 2026-12-31, 12/22, 상시)"
CLOSE_IMPOSSIBLE = "마감일 '{value}'은(는) 없는 날짜입니다"
PAY_TYPE_UNKNOWN = "급여형태 '{value}'을(를) 알 수 없습니다 (월급, 시급, 연봉, 일급)"
PAY_MAX_BELOW_MIN = "최대급여({maximum:,})가 최소급여({minimum:,})보다 작습니다"

# Column labels in messages
LABEL_SOURCE = "출처(source)"
LABEL_SOURCE_ID = "공고번호(source_id)"
LABEL_COMPANY = "회사명(company)"
LABEL_TITLE = "제목(title)"
LABEL_SALARY_MIN = "최소급여(salary_min)"
LABEL_SALARY_MAX = "최대급여(salary_max)"
LABEL_CAREER_YEARS = "최소경력(career_years_min)"

# Training courses (고용24 훈련과정 API, local institutes' course CSV)
COURSE_SOURCE_LABEL = "고용24 훈련과정"
COURSE_XML_EXPECTED = "고용24 훈련과정 XML이 아닙니다: 훈련과정 목록(HRDNet) 응답이어야 합니다"
COURSE_JSON_EXPECTED = "고용24 훈련과정 JSON이 아닙니다: srchList 에 과정 목록이 있어야 합니다"
COURSE_CSV_HEADER = "훈련과정 CSV 머리글에 {columns} 열이 없습니다"
COURSE_TOO_LONG = "훈련과정 항목의 내용이 너무 깁니다"
COURSE_NO_TITLE = "과정명(course)이 비어 있습니다"
COURSE_NO_KEY = "과정 ID(trprId)나 회차(trprDegr)가 비어 있습니다"
COURSE_DATE_UNREADABLE = "{column} '{value}'을(를) 날짜로 읽을 수 없습니다 (예: 2027-01-11)"
COURSE_DATE_IMPOSSIBLE = "{column} '{value}'은(는) 없는 날짜입니다"
COURSE_ONE_DATE = (
    "{missing}이(가) 비어 있습니다: 시작일과 종료일은 함께 적거나, 미정이면 함께 비워 두세요"
)
COURSE_ENDS_BEFORE = "종료일({ends})이 시작일({starts})보다 앞섭니다"
COURSE_HOURS = "훈련시간(hours) '{value}'은(는) 양의 정수가 아닙니다"
COURSE_AMOUNT = "{column} '{value}'은(는) 원 단위 금액이 아닙니다"
LABEL_COURSE_STARTS = "시작일(starts_on)"
LABEL_COURSE_ENDS = "종료일(ends_on)"
LABEL_COURSE_FEE = "훈련비(fee)"
LABEL_COURSE_SELF_PAY = "자부담(self_pay)"
