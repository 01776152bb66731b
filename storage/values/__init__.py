"""Parsers for the values postings carry, one module per kind of value.

Each takes the text as a source wrote it and returns a typed value; those that can refuse a
value raise :class:`storage.errors.RowRejected` with a Korean reason.

- :mod:`.dates`       close dates (open-ended forms, no-year and relative dates), other dates
- :mod:`.pay`         pay type and amounts from columns or free text
- :mod:`.career`      신입 / 경력 / 무관 and the minimum years
- :mod:`.education`   education levels in one spelling
- :mod:`.employment`  employment type, also from 고용24's packed ``empTpNm``
- :mod:`.location`    work places: postcodes, 등, 전체, 전국, 재택
- :mod:`.company`     company names: legal-form marks, cut names, ad copy
- :mod:`.text`        long posting text, cut titles, sector tags
- :mod:`.ids`         a posting's id: from a board URL, or derived from its content
"""
