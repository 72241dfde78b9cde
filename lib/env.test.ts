import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvCache } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("env", () => {
  it("gives the demo defaults on a fresh machine", () => {
    delete process.env.DATABASE_URL;
    delete process.env.APP_URL;
    delete process.env.GREENLIGHT_DEMO;
    resetEnvCache();
    expect(env()).toMatchObject({ PGLITE_DATA_DIR: ".data/pglite", APP_URL: "http://localhost:3000", GREENLIGHT_DEMO: true });
  });

  it("names every invalid variable", () => {
    process.env.DATABASE_URL = "mysql://root@localhost/x";
    process.env.APP_URL = "not a url";
    process.env.SESSION_SECRET = "short";
    resetEnvCache();
    expect(() => env()).toThrow(/DATABASE_URL[\s\S]*APP_URL[\s\S]*SESSION_SECRET|DATABASE_URL[\s\S]*SESSION_SECRET/);
  });

  it("turns GREENLIGHT_DEMO=0 off", () => {
    process.env.GREENLIGHT_DEMO = "0";
    resetEnvCache();
    expect(env().GREENLIGHT_DEMO).toBe(false);
  });
});
