/**
 * The Excel JavaScript API as @types/office-js declares it, for the recording double: a path the
 * writer uses (format.font.name, pageLayout.setPrintArea, conditionalFormats.add(…).custom.rule)
 * must exist there, as a property where it is set and as a method where it is called, so a typo
 * in src/office fails its test instead of passing as a recorded call.
 */
import ts from "typescript";

export interface ApiMember {
  kind: "method" | "property";
  readonly: boolean;
  /** The Excel class a property holds or a method returns, when it is one: deeper paths go on from there. */
  next?: string;
}

let api: { checker: ts.TypeChecker; classes: Map<string, ts.Type> } | undefined;

function load(): NonNullable<typeof api> {
  if (api) return api;
  const file = require.resolve("@types/office-js/index.d.ts");
  const program = ts.createProgram([file], { types: [], noEmit: true });
  const checker = program.getTypeChecker();
  const classes = new Map<string, ts.Type>();
  const source = program.getSourceFile(file) as ts.SourceFile;
  for (const statement of source.statements) {
    if (!ts.isModuleDeclaration(statement) || statement.name.text !== "Excel" || !statement.body || !ts.isModuleBlock(statement.body)) continue;
    for (const node of statement.body.statements) {
      if (!ts.isClassDeclaration(node) || !node.name) continue;
      const symbol = checker.getSymbolAtLocation(node.name);
      if (symbol) classes.set(node.name.text, checker.getDeclaredTypeOfSymbol(symbol));
    }
  }
  api = { checker, classes };
  return api;
}

/** The Excel class a type is, if any (Excel.RangeFont → "RangeFont"). */
function excelClass(type: ts.Type, classes: Map<string, ts.Type>): string | undefined {
  const name = type.getSymbol()?.getName();
  return name && classes.get(name) === type ? name : undefined;
}

/** A member of an Excel class, or an error naming what the API has not. */
export function apiMember(className: string, member: string): ApiMember {
  const { checker, classes } = load();
  const type = classes.get(className);
  if (!type) throw new Error(`the Excel JavaScript API has no class Excel.${className}`);
  const symbol = checker.getPropertyOfType(type, member);
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) throw new Error(`the Excel JavaScript API has no Excel.${className}.${member}`);
  const memberType = checker.getTypeOfSymbolAtLocation(symbol, declaration);
  if (symbol.flags & ts.SymbolFlags.Method) {
    const returns = memberType.getCallSignatures()[0]?.getReturnType();
    return { kind: "method", readonly: true, next: returns && excelClass(returns, classes) };
  }
  const readonly = ts.canHaveModifiers(declaration) && (ts.getModifiers(declaration) ?? []).some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
  return { kind: "property", readonly, next: excelClass(memberType, classes) };
}
