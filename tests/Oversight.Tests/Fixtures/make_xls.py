#!/usr/bin/python3
# Writes the Excel 97-2003 (BIFF8) fixtures the tests read; run once with Debian's python3-xlwt
# (apt-get install python3-xlwt), and commit the output. .NET has no BIFF writer at hand.
import datetime
import xlwt

def staff():
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("人员")
    padded = xlwt.easyxf(num_format_str="0000000")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    sheet.write_merge(0, 0, 0, 5, "龙山县乡镇便民服务中心工作人员名册")
    for col, name in enumerate(["工号", "姓名", "中心编码", "窗口编码", "岗位", "到岗日期"]):
        sheet.write(1, col, name)
    rows = [
        (10010, "张三", 511922001, "W001", "A岗", datetime.date(2024, 3, 1)),
        (10011, "李四", 511922001, "W002", "B岗", datetime.date(2025, 7, 15)),
        (10012, "王五", 511922101, "W101", "C岗", None),
    ]
    for r, (sid, name, center, window, post, since) in enumerate(rows, start=2):
        sheet.write(r, 0, sid, padded)  # a numeric cell that shows 0010010
        sheet.write(r, 1, name)
        sheet.write(r, 2, center)  # a numeric cell in the General format
        sheet.write(r, 3, window)
        sheet.write(r, 4, post)
        if since:
            sheet.write(r, 5, since, date)
    book.save("staff_2026.xls")

staff()
