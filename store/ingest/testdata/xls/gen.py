#!/usr/bin/env python3
"""Writes the .xls test workbooks with LibreOffice (Excel 97 format):
unicode.xls (Unicode text), vntime.xls (the same typed in .VnTime: TCVN3
bytes, as glibc iconv's TCVN5712-1 encodes them, shown as Windows-1252
letters) and badlabel.xls (an unknown Lĩnh vực in C3)."""
import csv, os, subprocess, tempfile

rows = [("Mã", "Nội dung", "Lĩnh vực", "Thẩm quyền", "Ngày"),
        ("K1", "Cử tri thôn Đông Hòa đề nghị sửa chữa đường ĐT.612, mùa mưa nước ngập sâu", "giao thông", "tỉnh", "15/03/2024"),
        ("K2", "Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân", "đất đai", "xã", "16/03/2024"),
        ("K3", "Trạm y tế xã thiếu thuốc, người dân phải lên tuyến trên khám chữa bệnh", "y tế", "tỉnh", "17/03/2024")]

def font(s):
    b = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=s.encode(), capture_output=True, check=True).stdout
    out = []
    for c in b:
        try:
            out.append(bytes([c]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(c))
    return "".join(out)

here = os.path.dirname(os.path.abspath(__file__))
bad = [list(r) for r in rows]
bad[2][2] = "giao thong xyz"
with tempfile.TemporaryDirectory() as d:
    for name, data in (("unicode", rows), ("vntime", [[font(c) for c in r] for r in rows]), ("badlabel", bad)):
        src = os.path.join(d, name + ".csv")
        with open(src, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(data)
        subprocess.run(["soffice", "-env:UserInstallation=file://" + d + "/lo", "--headless", "--infilter=CSV:44,34,76",
                        "--convert-to", "xls:MS Excel 97", "--outdir", here, src], check=True, capture_output=True)
