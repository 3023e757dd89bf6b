// The addresses of a meeting's phone side (issue 13), here in ui/ because the staff presenter
// screen shows them (its QR code and the short address) and a staff feature may not import a
// respondent feature. /mote asks for the short code; /mote#<token> (the QR code) joins at once:
// the token sits in the fragment, so it is never sent in a request line or kept in a server log.
export const MEETING_PATHS = {
  join: '/mote',
} as const;

/** The QR code's link, on this server's origin. */
export const meetingJoinLink = (origin: string, token: string): string =>
  `${origin}${MEETING_PATHS.join}#${encodeURIComponent(token)}`;

/** The short address shown beside the code, for typing: the origin without its scheme. */
export const meetingJoinAddress = (origin: string): string =>
  `${origin.replace(/^https?:\/\//, '')}${MEETING_PATHS.join}`;
