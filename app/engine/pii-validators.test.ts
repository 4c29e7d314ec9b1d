import { describe, expect, test } from "vitest";
import { idCardCheckCode, isCalendarDate, isPlausibleBankCard, isValidIdCard15, isValidIdCard18, looksLikeIdCard18, passesLuhn } from "./pii-validators";

describe("identity numbers", () => {
  test("computes the GB 11643 check code, including X", () => {
    expect(idCardCheckCode("11010519850315123")).toBe("0");
    expect(idCardCheckCode("21010219820612103")).toBe("X");
  });

  test("accepts a valid 18-digit number and rejects each kind of damage", () => {
    expect(isValidIdCard18("110105198503151230")).toBe(true);
    expect(isValidIdCard18("21010219820612103x")).toBe(true);
    expect(isValidIdCard18("110105198503151231")).toBe(false);
    expect(isValidIdCard18("110105198502301236")).toBe(false);
    expect(isValidIdCard18("000105198503151230")).toBe(false);
    expect(isValidIdCard18("11010518850315123X")).toBe(false);
    expect(isValidIdCard18("11010519850315123")).toBe(false);
  });

  test("tells a number shaped like an identity number from one that is valid", () => {
    expect(looksLikeIdCard18("110105198503151231")).toBe(true);
    expect(looksLikeIdCard18("622202123456789012")).toBe(false);
  });

  test("checks the region and birth date of a 15-digit number", () => {
    expect(isValidIdCard15("110105850315123")).toBe(true);
    expect(isValidIdCard15("110105850230123")).toBe(false);
    expect(isValidIdCard15("990105850315123")).toBe(false);
  });

  test("knows leap years", () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2026, 4, 31)).toBe(false);
  });
});

describe("bank cards", () => {
  test("implements Luhn", () => {
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
    expect(passesLuhn("79927398713")).toBe(true);
  });

  test("requires length, issuer and Luhn together", () => {
    expect(isPlausibleBankCard("6222021234567890128")).toBe(true);
    expect(isPlausibleBankCard("5500000000000004")).toBe(true);
    expect(isPlausibleBankCard("2221000000000009")).toBe(true);
    expect(isPlausibleBankCard("8123456789012340")).toBe(false);
    expect(isPlausibleBankCard("411111111111")).toBe(false);
    expect(isPlausibleBankCard("6222021234567890127")).toBe(false);
  });
});
