import { InvalidLink } from "@/components/share/invalid-link";

export default function ShareNotFound() {
  return <InvalidLink />;
}
