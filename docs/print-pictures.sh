#!/usr/bin/env bash
# Regenerates the README's pictures of printed pages (docs/print-summary.png, docs/print-application.png):
# builds the 卓越级 推荐汇总表 and the 申报书 with their sample data through the command line, prints
# them to PDF with LibreOffice as tests/print does (fresh profile, formulas recalculated on load) and
# renders one page of each at 60 dpi with pdftoppm. Needs `npm run build:cli`, soffice, poppler-utils
# and fonts-crosextra-carlito (so LibreOffice lays columns out as Excel does).
#   usage: docs/print-pictures.sh [build-dir]      (build-dir: the compiled tree, default build)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/profile/user"
cat > "$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

for id in national-2024-summary shanxi-2018-application; do
  node -e 'const [build, id, out] = process.argv.slice(1);
    const t = require(require("path").resolve(build, "src/sheets/registry.js")).findSheetTemplate(id);
    require("fs").writeFileSync(out, JSON.stringify(t.sample()));' "$build" "$id" "$work/$id.json"
  node -e 'require(require("path").resolve(process.argv[1], "src/cli/main.js")).run(process.argv.slice(2)).then((c) => process.exit(c))' \
    "$build" build "$id" --data "$work/$id.json" -o "$work/$id.xlsx" >/dev/null
done

soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" \
  "$work/national-2024-summary.xlsx" "$work/shanxi-2018-application.xlsx" >/dev/null 2>&1

# The summary table is one page; of the 申报书, the last page: 试点示范简述 and the 真实性承诺 with its 签章 lines.
last=$(pdfinfo "$work/shanxi-2018-application.pdf" | awk '/^Pages:/ { print $2 }')
pdftoppm -r 60 -f 1 -l 1 -png -singlefile "$work/national-2024-summary.pdf" docs/print-summary
pdftoppm -r 60 -f "$last" -l "$last" -png -singlefile "$work/shanxi-2018-application.pdf" docs/print-application
echo "wrote docs/print-summary.png and docs/print-application.png"
