import type { Request, Response } from 'express';

export function callback(req: Request, res: Response): void {
  // ruleid: js.open-redirect.request-url
  res.redirect(req.query.returnTo as string);
  // ok: js.open-redirect.request-url
  res.redirect(`/account/${encodeURIComponent(String(req.query.tab))}`);
}
