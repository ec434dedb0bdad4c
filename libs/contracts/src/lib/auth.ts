export type Role = 'admin' | 'manager' | 'agent' | 'executor';
export const ROLES: readonly Role[] = ['admin', 'manager', 'agent', 'executor'];

export interface LoginRequest {
  email: string;
  password: string;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Office code the user works in; null for a system-wide admin. */
  office: string | null;
  locale: 'id' | 'en';
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: CurrentUser;
}
