import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/dealer/sign-in-form";
import { currentStaff } from "@/lib/auth/session";
import { signInAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("dealer.signIn");
  return { title: t("title") };
}

export default async function SignInPage() {
  if (await currentStaff()) redirect("/dealer");
  const t = await getTranslations("dealer.signIn");
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <SignInForm action={signInAction} />
    </main>
  );
}
