// zod/mini: the same schemas with a much smaller browser bundle (the forms ship them; issue 9).
import { z } from "zod/mini";

export const signInSchema = z.object({
  email: z.email("Enter your email address").check(z.maxLength(320)),
  password: z.string().check(z.minLength(1, "Enter your password"), z.maxLength(1000)),
});
export type SignInInput = z.infer<typeof signInSchema>;
