// zod/mini: the same schemas with a much smaller browser bundle (the forms ship them;
// docs/decisions/010-page-weight-and-render-cost.md, "Validation loads when needed").
import { z } from "zod/mini";

export const signInSchema = z.object({
  email: z.email("Enter your email address").check(z.maxLength(320)),
  password: z.string().check(z.minLength(1, "Enter your password"), z.maxLength(1000)),
});
export type SignInInput = z.infer<typeof signInSchema>;
