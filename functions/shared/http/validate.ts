import { z } from 'zod';
import { errors } from './app-error';

z.config(z.locales.zhCN());

export interface FieldIssue {
  field: string;
  message: string;
  code: string;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.length > 0 ? i.path.map(String).join('.') : '(body)',
    message: i.message,
    code: i.code,
  }));
}

/** Parse untrusted input with a zod schema; failure becomes `400 VALIDATION_FAILED` with field details. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw errors.validation(toFieldIssues(result.error));
  return result.data;
}
