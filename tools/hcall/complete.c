// SPDX-License-Identifier: GPL-2.0-only
/*
 * hcall __complete WORD...: the words the shell may complete the last WORD
 * to, one a line, from the command table and the module's tables, so that
 * hcall.bash-completion holds no list of its own.
 */
#include <string.h>

#include "hcall.h"
#include "verdicts.h"

/* The word being completed: only candidates that begin with it are printed. */
static const char *prefix = "";

static void candidate(const char *word)
{
	if (word && !strncmp(word, prefix, strlen(prefix)))
		printf("%s\n", word);
}

/* Each of the space-separated @words. */
static void candidates(const char *words)
{
	char word[64];
	size_t len;

	for (; words && *words; words += len) {
		words += strspn(words, " ");
		len = strcspn(words, " ");
		snprintf(word, sizeof(word), "%.*s", (int)len, words);
		candidate(word);
	}
}

/* The names of the hypercalls hcall knows, for a first argument. */
void complete_ops(int argc, char **argv)
{
	const char *name;
	uint64_t nr;

	(void)argv;
	if (argc)
		return;
	for (nr = 0; nr < XPRIVCMD_NR_HYPERCALLS; nr++)
		if (hcall_op(nr, &name))
			candidate(name);
}

/* hcall call OP ARG...: OP, then the sub-command where OP takes one. */
void complete_call(int argc, char **argv)
{
	const struct xprivcmd_class_table *t;
	char err[HCALL_ERR_LEN];
	uint64_t op, value;
	unsigned int i;

	if (!argc)
		return complete_ops(argc, argv);
	if (hcall_parse_op(argv[0], &op, err, sizeof(err)) || hcall_subop_arg(op) != argc - 1)
		return;
	t = xprivcmd_class_table(op);
	for (i = 0; t && i < t->nr; i++)
		if (!i || strcmp(t->rows[i].name, t->rows[i - 1].name))
			candidate(t->rows[i].name);
	/* Names hcall knows that the module's table does not. */
	for (i = 0; i < hcall_nr_consts; i++)
		if (hcall_consts[i].op == op &&
		    hcall_parse_subop(op, hcall_consts[i].name, &value))
			candidate(hcall_consts[i].name);
}

/* hcall help COMMAND */
void complete_help(int argc, char **argv)
{
	unsigned int i;

	(void)argv;
	for (i = 0; !argc && i < hcall_nr_cmds; i++)
		if (!hcall_cmds[i].hidden)
			candidate(hcall_cmds[i].name);
}

/* Whether @word is a global option, and one that takes the next word. */
static bool global_option(const char *word, bool *takes_value)
{
	static const char * const options[] = {
		"--json", "--help", "-h", "--version", "--device",
	};
	unsigned int i;

	*takes_value = !strcmp(word, "--device");
	for (i = 0; i < ARRAY_SIZE(options); i++)
		if (!strcmp(word, options[i]))
			return true;
	return !strncmp(word, "--device=", 9);
}

/*
 * hcall __complete [--] WORD...: the last WORD is the one being completed
 * (may be empty), the others come before it on the command line.
 */
int cmd_complete(int argc, char **argv)
{
	const struct hcall_cmd *c = NULL;
	char *args[HCALL_NR_ARGS + 8];
	bool takes_value = false;
	int i, n = 0;

	if (argc)
		prefix = argv[argc - 1];
	for (i = 0; i < argc - 1; i++) {
		if (takes_value)
			takes_value = false;
		else if (global_option(argv[i], &takes_value))
			continue;
		else if (!c)
			c = hcall_find_cmd(argv[i]);
		else if (n < (int)ARRAY_SIZE(args))
			args[n++] = argv[i];
	}
	/* A --device PATH: the shell completes file names. */
	if (takes_value)
		return HCALL_EXIT_OK;
	if (prefix[0] == '-')
		candidates("--json --help --version --device");
	if (!c) {
		complete_help(0, NULL);
		return HCALL_EXIT_OK;
	}
	if (c->complete)
		c->complete(n, args);
	else if (c->words && (!n || c->words[0] == '-'))
		candidates(c->words);
	return HCALL_EXIT_OK;
}
