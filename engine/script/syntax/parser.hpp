#pragma once
// The parser: tokens to a syntax tree, by recursive descent over Python's
// grammar. Panic mode: an error skips to the end of the statement and
// parsing goes on, so one mistake does not hide the next. Constructs
// outside the subset are refused by name.

#include <string>
#include <vector>

#include "engine/script/syntax/ast.hpp"
#include "engine/script/syntax/diagnostic.hpp"
#include "engine/script/syntax/token.hpp"

namespace loopscope::script {

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::vector<Diagnostic>& errors);
  Module parse_module();
  // For f-string fields: one expression, then the end.
  ExprP parse_fragment();

 private:
  struct Failure {};  // thrown to unwind to the statement boundary

  const Token& peek(size_t ahead = 0) const;
  bool check(Tok k) const { return peek().kind == k; }
  bool match(Tok k);
  const Token& advance();
  const Token& expect(Tok k, const char* what);
  [[noreturn]] void fail(const Token& at, std::string msg);
  [[noreturn]] void fail_here(std::string msg) { fail(peek(), std::move(msg)); }
  void synchronize();

  void statement(Body& out);
  void simple_statements(Body& out);
  StmtP small_statement();
  Body block();
  Body nested_body(bool is_async);
  StmtP if_statement(const Token& kw);
  StmtP while_statement();
  StmtP for_statement(bool is_async = false);
  StmtP try_statement();
  StmtP with_statement(bool is_async, const Token& kw);
  StmtP def_statement(bool is_async, const Token& kw);
  StmtP class_statement();
  StmtP decorated();
  WithItem with_item();
  // parser_match.cpp
  bool at_match_statement() const;
  StmtP match_statement();
  PatternP patterns();
  PatternP pattern();
  PatternP or_pattern();
  PatternP closed_pattern();
  PatternP literal_or_value_pattern();
  PatternP sequence_pattern(const Token& open, Tok close);
  PatternP mapping_pattern(const Token& open);
  PatternP class_pattern(ExprP cls, const Token& open);
  StmtP import_statement();
  StmtP from_statement();
  void parse_params(Params& p, Tok closing, bool annotations);

  ExprP expression();           // test (conditional or lambda)
  ExprP expression_nocond();
  ExprP star_expressions();     // a, b, *c  -> Tuple when there is a comma
  ExprP star_expression();
  ExprP disjunction();
  ExprP conjunction();
  ExprP inversion();
  ExprP comparison();
  ExprP or_expr();
  ExprP xor_expr();
  ExprP and_expr();
  ExprP shift();
  ExprP sum();
  ExprP term();
  ExprP factor();
  ExprP power();
  ExprP await_primary();
  ExprP yield_expr();           // at 'yield': yield [exprs] | yield from expr
  ExprP primary();
  ExprP atom();
  ExprP strings();
  ExprP fstring(const Token& t);
  ExprP paren_atom(const Token& open);
  ExprP list_atom(const Token& open);
  ExprP brace_atom(const Token& open);
  ExprP lambda(const Token& kw);
  ExprP call(ExprP callee, const Token& open);
  ExprP subscript(ExprP value, const Token& open);
  ExprP slice_item();
  void comprehension_clauses(std::vector<Comprehension>& gens);
  bool at_comp_for() const;     // at `for` or `async for` of a comprehension
  ExprP target_list(Tok stop);  // for-loop targets
  void check_target(const Expr& e, const char* what);
  bool at_expression_start() const;

  ExprP node(EK k, const Token& at);
  StmtP snode(SK k, const Token& at);

  std::vector<Token> toks_;
  size_t pos_ = 0;
  std::vector<Diagnostic>& errors_;
  std::vector<bool> in_async_;  // per enclosing def: async?
  int loop_depth_ = 0;
};

}  // namespace loopscope::script
