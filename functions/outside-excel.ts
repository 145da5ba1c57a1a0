/**
 * CustomFunctions.Error and ErrorCode for running the functions outside Excel (jest, the bench),
 * where office.js does not define the CustomFunctions global. The class mirrors the one Excel's
 * runtime defines (CustomFunctionError in @microsoft/office-js's Excel host files): an Error whose
 * code and basicValue are the error code (#VALUE! when none is given), whose type and basicType are
 * "Error", and whose message is "" when none is given. Nothing of the add-in bundle imports this.
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

type Code = (typeof ErrorCode)[keyof typeof ErrorCode];

class CustomFunctionError extends Error {
  readonly type = "Error";
  readonly basicType = "Error";
  readonly code: Code;
  readonly basicValue: Code;

  constructor(code?: Code, message?: string) {
    super(message ?? "");
    this.code = code ?? ErrorCode.invalidValue;
    this.basicValue = this.code;
  }
}

/** Defines the CustomFunctions global with the two members the functions use: Error and ErrorCode. */
export function installCustomFunctionsRuntime(): void {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: CustomFunctionError, ErrorCode };
}
