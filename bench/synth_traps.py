"""The deliberate traps: their kinds, the look-alike families and what each kind changes.

A trap is an opening a retrieval system should not rank first: either a look-alike (a
different job in the words of a wanted family) or a near-perfect match with one flaw.
"""

from __future__ import annotations

from synth_family import Family
from synth_family import variant as _v

__all__ = ["LOOKALIKES", "LOOKALIKE_FAMILY_IDS", "TRAP_CERTS", "TRAP_FAMILIES", "TRAP_KINDS"]

#: Trap kinds, with their share of the deliberate traps (``synth_openings.TRAP_SHARE``,
#: about 12% of all openings).
TRAP_KINDS: dict[str, float] = {
    "vocational_instructor": 3.0,  # 용접 강사 / 훈련교사 that looks like a welding job
    "sales_rep": 2.5,  # 용접봉·용접기 영업
    "equipment_mechanic": 2.5,  # 지게차 정비 / 건설기계 정비
    "cert_required": 3.0,  # right family, a certificate is 필수
    "nationals_only": 2.5,  # 내국인만 / 외국인 불가
    "night_shift": 2.0,  # 주야 2교대 or 야간 전담
    "daily_labor": 1.5,  # 일용직
}

_TRAP_FAMILY = dict(
    pay_types=(80, 10, 10), shifts=(100, 0, 0, 0), employment=(75, 25, 0, 0),
    career=(0, 75, 25), e9=(0.0, 0.0), dorm_p=0.0, bus_p=0.1, profile="trap",
    education=("고졸 이상",),
)  # fmt: skip

#: Look-alikes: they share the words of the family they imitate but are a different job.
LOOKALIKES: dict[str, tuple[Family, ...]] = {
    "vocational_instructor": (
        Family(
            "vocational_instructor", 8,
            occupations=("직업훈련교사(용접)", "용접 강사", "직업능력개발훈련교사"),
            variants=(_v("용접 훈련교사", "용접 과정 훈련생 실기 지도", "훈련 일지 작성"),
                      _v("CO2·TIG 용접 실기 강사", "CO2·TIG 용접 실기 지도", "실습 재료 관리"),
                      _v("특수용접 실기 강사 (국비과정)", "국비지원 특수용접 과정 강의",
                         "용접기능사·특수용접기능사 시험 대비 지도"),
                      _v("용접 직업훈련 강사", "재직자·구직자 용접 교육", "교안 작성")),
            duties=("실습장 안전관리", "훈련생 출결 관리", "훈련 평가 및 기록"),
            company_kinds=("직업전문학교", "기술교육원", "용접학원"),
            certs=(("직업능력개발훈련교사", 0.9), ("용접산업기사", 0.6)),
            require_p=1.0, monthly=(3_000_000, 3_800_000),
            extras=("현장 용접 경력 5년 이상", "강의 경험자 우대"),
            lookalike_of="welder", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "vocational_instructor", 1.5,
            occupations=("직업훈련교사(기계가공)", "CNC 강사"),
            variants=(_v("CNC 선반 훈련교사", "CNC 선반·MCT 실습 지도", "훈련생 평가"),
                      _v("CNC 가공 실기 강사", "CNC 가공 실기 강의", "실습 장비 관리")),
            duties=("실습장 안전관리", "교안 작성"),
            company_kinds=("직업전문학교", "기술교육원"),
            certs=(("직업능력개발훈련교사", 0.9), ("컴퓨터응용가공산업기사", 0.5)),
            require_p=1.0, monthly=(3_000_000, 3_600_000),
            extras=("가공 현장 경력 5년 이상",),
            lookalike_of="cnc_operator", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "vocational_instructor", 1.5,
            occupations=("운전 교육 강사", "건설기계 교육 강사"),
            variants=(_v("지게차 운전 교육 강사", "지게차 운전 실기 교육", "시험 코스 관리"),
                      _v("지게차 실기 강사", "지게차운전기능사 시험 대비 실기 지도",
                         "교육생 안전 지도")),
            duties=("교육 장비 점검", "수강생 상담"),
            company_kinds=("중장비학원", "기술교육원"),
            certs=(("지게차운전기능사", 1.0),),
            require_p=1.0, monthly=(2_800_000, 3_300_000),
            extras=("지게차 경력 5년 이상", "교육 경험자 우대"),
            lookalike_of="forklift_driver", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
    ),
    "sales_rep": (
        Family(
            "sales_rep", 6,
            occupations=("기술영업원", "영업원(용접재료)", "산업용품 영업원"),
            variants=(_v("용접봉·용접재료 영업사원", "조선소·협력사 용접봉 납품 영업",
                         "용접 소모품 견적"),
                      _v("용접기 렌탈 영업 담당", "용접기 렌탈 및 판매 영업", "렌탈 장비 회수 관리"),
                      _v("산업용 가스·용접자재 영업", "산업용 가스·용접자재 납품 영업",
                         "거래처 가스 용기 관리"),
                      _v("용접 소모품 납품 영업", "용접 팁·노즐 등 소모품 납품", "재고 관리")),
            duties=("거래처 관리 및 신규 거래처 발굴", "견적서 작성", "수금 관리"),
            company_kinds=("용접상사", "산업가스", "툴링", "상사"),
            certs=(("1종보통운전면허", 0.8),),
            require_p=1.0, monthly=(2_800_000, 3_600_000),
            extras=("용접 현장 경험자 우대", "차량 소지자", "영업 경력 우대"),
            lookalike_of="welder", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "sales_rep", 2,
            occupations=("영업원(산업장비)", "기술영업원"),
            variants=(_v("지게차 판매 영업사원", "지게차 판매 영업", "고객사 방문 상담"),
                      _v("지게차 렌탈 영업", "지게차 장·단기 렌탈 영업", "렌탈 계약 관리")),
            duties=("산업단지 거래처 관리", "견적서 작성"),
            company_kinds=("상사", "중기"),
            certs=(("1종보통운전면허", 0.8),),
            require_p=1.0, monthly=(2_800_000, 3_500_000),
            extras=("지게차 운전 경험자 우대", "영업 경력 우대"),
            lookalike_of="forklift_driver", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "sales_rep", 2,
            occupations=("기술영업원(도료)", "영업원"),
            variants=(_v("선박용 도료 영업 담당", "조선소·도장 협력사 도료 영업", "도료 기술 상담"),
                      _v("산업용 페인트 영업사원", "산업용 페인트 납품 영업", "샘플 시공 지원")),
            duties=("거래처 관리", "견적 및 수주 관리"),
            company_kinds=("페인트", "상사", "케미칼"),
            certs=(("1종보통운전면허", 0.8),),
            require_p=1.0, monthly=(2_900_000, 3_600_000),
            extras=("도장 현장 경험자 우대", "영업 경력 우대"),
            lookalike_of="ship_painter", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
    ),
    "equipment_mechanic": (
        Family(
            "equipment_mechanic", 5,
            occupations=("건설기계정비원", "지게차 정비원", "산업장비 수리원"),
            variants=(_v("지게차 정비기사 (출장 A/S)", "지게차 출장 A/S", "부품 교체"),
                      _v("지게차 수리 기사", "지게차 정기점검 및 수리", "유압·엔진 고장 진단"),
                      _v("지게차·전동차 정비원", "전동 지게차 배터리·모터 정비", "정기점검")),
            duties=("정비 일지 작성", "부품 재고 관리"),
            company_kinds=("중기", "건설기계", "모터스"),
            certs=(("건설기계정비기능사", 0.8), ("지게차운전기능사", 0.5)),
            require_p=0.9, monthly=(3_000_000, 4_000_000),
            extras=("정비 경력 3년 이상", "출장 가능자"),
            lookalike_of="forklift_driver", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "equipment_mechanic", 3.5,
            occupations=("건설기계정비원", "크레인 정비원"),
            variants=(_v("건설기계 정비원 (굴삭기·크레인)", "굴삭기·크레인 유압 계통 수리",
                         "엔진 정비"),
                      _v("크레인 정비 및 점검 기사", "크레인 정기검사 대응 및 정비",
                         "와이어로프 교체 및 점검"),
                      _v("크레인 유지보수 기사", "천장크레인 유지보수", "감속기·브레이크 정비")),
            duties=("정비 일지 작성", "부품 재고 관리"),
            company_kinds=("중기", "건설기계", "크레인"),
            certs=(("건설기계정비기능사", 0.8), ("건설기계정비산업기사", 0.2)),
            require_p=0.9, monthly=(3_200_000, 4_200_000),
            extras=("정비 경력 3년 이상", "고소작업 가능자"),
            lookalike_of="crane_operator", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
        Family(
            "equipment_mechanic", 1.5,
            occupations=("산업장비 수리원", "용접기 수리원"),
            variants=(_v("용접기 A/S 수리기사", "CO2·TIG 용접기 수리 및 점검", "현장 출장 A/S"),
                      _v("용접기 수리·정비 담당", "용접기 인버터 기판 교체", "와이어 송급장치 수리")),
            duties=("수리 이력 관리", "부품 주문"),
            company_kinds=("용접기", "테크"),
            certs=(("전기기능사", 0.6),),
            require_p=0.8, monthly=(2_900_000, 3_600_000),
            extras=("전자·전기 회로 이해", "출장 가능자"),
            lookalike_of="welder", **_TRAP_FAMILY,  # type: ignore[arg-type]
        ),
    ),
}  # fmt: skip

LOOKALIKE_FAMILY_IDS = tuple(LOOKALIKES)

#: Families a deliberate trap of each non-look-alike kind is drawn from.
TRAP_FAMILIES: dict[str, tuple[tuple[str, float], ...]] = {
    "cert_required": (("welder", 4), ("forklift_driver", 2), ("crane_operator", 1),
                      ("ship_painter", 1), ("electrician", 1), ("chemical_operator", 1),
                      ("pipe_fitter", 1), ("ndt_inspector", 1), ("ship_fitter", 1)),
    "nationals_only": (("welder", 3), ("production_worker", 3), ("food_production", 2),
                       ("auto_assembler", 2), ("ship_painter", 1), ("ship_fitter", 1)),
    "night_shift": (("welder", 2), ("production_worker", 3), ("auto_assembler", 2),
                    ("forklift_driver", 2), ("logistics_loader", 2), ("food_production", 1),
                    ("cnc_operator", 1)),
    "daily_labor": (("welder", 3), ("ship_fitter", 2), ("logistics_loader", 2),
                    ("ship_painter", 1), ("production_worker", 1)),
}  # fmt: skip

#: The certificate a cert_required trap insists on, per family.
TRAP_CERTS: dict[str, tuple[str, ...]] = {
    "welder": ("특수용접기능사", "용접산업기사"),
    "ship_fitter": ("특수용접기능사",),
    "forklift_driver": ("지게차운전기능사",),
    "crane_operator": ("천장크레인운전기능사",),
    "ship_painter": ("도장기능사",),
    "electrician": ("전기산업기사",),
    "chemical_operator": ("위험물산업기사",),
    "pipe_fitter": ("배관기능사",),
    "ndt_inspector": ("방사선비파괴검사기능사", "초음파비파괴검사기능사"),
}
