// Department codes are spelled several ways across our sources: "04" and "4", "2A" and "20A" (radius table), "971".
// Everything inside the backend uses the INSEE form: two characters ("01".."95", "2A", "2B") or three ("971".."976").

const CORSICA = /^20?([AB])$/;

/** The INSEE form of a department code, or undefined when it cannot be one. */
export function normalizeDepartmentCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  const corsica = CORSICA.exec(code);
  if (corsica?.[1]) return `2${corsica[1]}`;
  if (/^97[1-6]$/.test(code)) return code;
  if (/^\d{1,2}$/.test(code)) {
    const value = Number(code);
    if (value >= 1 && value <= 95 && value !== 20) return code.padStart(2, '0');
  }
  return undefined;
}

/** The department of a commune INSEE code (5 characters). */
export function departmentOfInsee(insee: string): string | undefined {
  const code = insee.trim().toUpperCase();
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return undefined;
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}
