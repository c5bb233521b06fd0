import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { validate, type RequestSchemas } from './validate.js';

type Parsed<S extends RequestSchemas> = {
  [K in keyof RequestSchemas]-?: S[K] extends z.ZodType ? z.output<S[K]> : undefined;
};

interface EndpointOptions {
  /** Status of a successful answer (default 200; 204 when the handler returns nothing). */
  status?: number;
}

/**
 * A route handler in one line: validates params/query/body with the shared schemas, hands the typed values
 * to `handle`, and answers its result as JSON. Errors flow to the one error handler.
 */
export function endpoint<S extends RequestSchemas>(
  schemas: S,
  handle: (input: Parsed<S>, req: Request, res: Response) => Promise<unknown>,
  options: EndpointOptions = {},
): RequestHandler[] {
  const run: RequestHandler = async (req, res) => {
    const input = { params: req.params, query: req.query, body: req.body } as Parsed<S>;
    const result = await handle(input, req, res);
    if (res.headersSent) return; // the handler streamed its own answer
    if (result === undefined) res.status(204).end();
    else res.status(options.status ?? 200).json(result);
  };
  return [validate(schemas), run];
}
