import axios from 'axios';
import type { Request, Response } from 'express';

export async function preview(req: Request, res: Response): Promise<void> {
  // ruleid: js.ssrf.request-url
  const page = await axios.get<string>(req.query.url as string);
  // ok: js.ssrf.request-url
  const api = await axios.get<string>(`https://api.example.com/pages/${encodeURIComponent(String(req.query.id))}`);
  res.json({ page: page.data, api: api.data });
}
