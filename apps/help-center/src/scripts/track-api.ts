import { apiUrl } from "./api.ts";

/** One request as GET /api/v1/requests/:number answers it to its customer. */
export interface TrackedRequest {
  number: string;
  status: string;
  statusLabel: string;
  subject: string;
  allowedStatuses: string[];
  canReply: boolean;
  reopenUntil: string | null;
  canRate: boolean;
  satisfaction: { rating: "good" | "bad"; comment: string | null } | null;
  timeline: TimelineEntry[];
}

export interface TimelineEntry {
  type: string;
  author: string;
  body: string | null;
  status: string | null;
  attachments: TimelineFile[];
  createdAt: string;
}

export interface TimelineFile {
  id: number;
  name: string;
  size: number;
  contentType: string;
}

/**
 * Calls about one request, once its number and token are known. The token
 * travels only in a header, never in an address a server would log.
 */
export function trackingApi() {
  let credentials: { number: string; token: string } | null = null;
  return {
    use(number: string, token: string): void {
      credentials = { number: number.trim().toUpperCase(), token: token.trim() };
    },
    /** The answer, or null before a request is opened or when the API cannot be reached. */
    async call(path: string, init: RequestInit = {}): Promise<Response | null> {
      if (!credentials) return null;
      try {
        return await fetch(
          apiUrl(`/api/v1/requests/${encodeURIComponent(credentials.number)}${path}`),
          {
            ...init,
            headers: {
              ...init.headers,
              "X-Tracking-Token": credentials.token,
              Accept: "application/json",
            },
          },
        );
      } catch {
        return null;
      }
    },
  };
}

export type TrackingApi = ReturnType<typeof trackingApi>;

/** A POST with a JSON body, as the status and reply calls send it. */
export const postJson = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});
