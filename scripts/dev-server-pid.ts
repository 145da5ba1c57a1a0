import { join } from "node:path";

/** Where `npm start` records its process id so `npm stop` ends that process and no other. */
export const DEV_SERVER_PID_FILE = join(__dirname, "..", "dev-server.pid");
