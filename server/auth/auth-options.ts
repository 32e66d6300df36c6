import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "../audit/record-audit";
import { getDb } from "../database";
import { deriveKey } from "../crypto/app-secret";
import { env } from "../env";
import { authenticate, signInMessages } from "./authenticate";
import { clientAddressOf } from "./client-address";

export const sessionMaxAgeSeconds = 12 * 60 * 60;

let cached: NextAuthOptions | undefined;

/** next-auth settings: email + password, JWT sessions signed with a key derived from APP_SECRET. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  env(); // sets NEXTAUTH_URL from APP_URL before next-auth reads it
  cached = {
    secret: deriveKey("next-auth").toString("base64url"),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const email = credentials?.email ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password) throw new Error(signInMessages.invalid);
          const result = await authenticate(await getDb(), {
            email,
            password,
            address: clientAddressOf(request?.headers ?? {}),
          });
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
          // next-auth hands the message of a thrown error to the sign-in form.
          throw new Error(result.reason === "throttled" ? signInMessages.throttled(result.retryAt) : signInMessages[result.reason]);
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (token?.sub && token.email) {
          await recordAudit(await getDb(), { id: token.sub, email: token.email }, { action: "auth.signed_out", targetType: "user", targetId: token.sub });
        }
      },
    },
    callbacks: {
      jwt: ({ token, user }) => (user ? { ...token, sub: user.id } : token),
      session: ({ session, token }) => ({
        ...session,
        userId: token.sub ?? "",
        issuedAt: typeof token.iat === "number" ? token.iat : 0,
      }),
    },
  };
  return cached;
}
