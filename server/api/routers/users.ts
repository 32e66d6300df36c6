import { createUserInput, listUsersInput, resetPasswordInput, setDisabledInput, setRoleInput } from "@/lib/validation/users";
import { createUser } from "../../users/create-user";
import { listUsers } from "../../users/list-users";
import { resetUserPassword, setUserDisabled, setUserRole } from "../../users/update-user";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const usersRouter = createTRPCRouter({
  list: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input)),
  setRole: adminProcedure.input(setRoleInput).mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.user, input.userId, input.role)),
  setDisabled: adminProcedure
    .input(setDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.user, input.userId, input.disabled)),
  resetPassword: adminProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, ctx.user, input.userId, input.password)),
});
