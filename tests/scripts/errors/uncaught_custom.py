# Uncaught user-defined exception with a custom __str__, raised from a nested helper.

class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return f"{self.field}: {self.problem}"


def check_age(age):
    if age < 0:
        raise ValidationError("age", "must not be negative")


def validate(record):
    check_age(record["age"])


print("validating")
validate({"age": -4})
