#!/usr/bin/env python3
"""Writes fixtures/xlsx/east-asian-date-format.xlsx: a hand-made workbook whose
date cells use Excel's built-in East-Asian format id 31 (yyyy年m月d日), as
Chinese Excel saves them. exceljs cannot write built-in id 31 itself, and
reads such cells back as serial numbers, which is what the fixture is for.
Run: python3 scripts/make-east-asian-xlsx.py"""
import zipfile

HEADERS = ['发布日期', '生产者', '产品名称', '产品类别', '市州', '缺陷类型', '召回数量']
ROWS = [
    [44788, '湘潭华电电器有限公司', '电取暖器', '01', '湘潭', '电气安全', 150],  # 2022-08-15
    [44805, '益阳市童趣服饰有限公司', '儿童外套', '06', '益阳', '机械物理', 98],  # 2022-09-01
]

def col(i):
    return chr(ord('A') + i)

def cell(ref, v, style=0):
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
    return f'<c r="{ref}" s="{style}"><v>{v}</v></c>'

rows = ['<row r="1">' + ''.join(cell(f'{col(i)}1', h) for i, h in enumerate(HEADERS)) + '</row>']
for r, values in enumerate(ROWS, start=2):
    rows.append(f'<row r="{r}">' + ''.join(cell(f'{col(i)}{r}', v, 1 if i == 0 else 0) for i, v in enumerate(values)) + '</row>')

files = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="召回记录" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + ''.join(rows) + '</sheetData></worksheet>',
}

with zipfile.ZipFile('fixtures/xlsx/east-asian-date-format.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in files.items():
        info = zipfile.ZipInfo(name, date_time=(2022, 10, 1, 0, 0, 0))
        z.writestr(info, text.encode('utf-8'), zipfile.ZIP_DEFLATED)
print('wrote fixtures/xlsx/east-asian-date-format.xlsx')
