// Outside Next.js (the CLI, the worker, benchmarks, test processes) nothing is bundled for a browser, so
// `server-only`, which throws unless Next resolves it for the server, resolves to an empty module here.
import { register } from "node:module";

register(new URL("./server-only-resolve.mjs", import.meta.url));
